// The error body Pluggy answers with: `{ code?, codeDescription?, message, data?, errorId? }`.
import { z } from 'zod';

export const ErrorDetail = z.object({
  code: z.string().nullish(),
  parameter: z.string().nullish(),
  message: z.string().nullish(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({
  /**
   * The HTTP status repeated in the body. Absent in some real answers (the 400 "item user already exists"
   * has `message`, `codeDescription` and `items` only): the response's status is the authority.
   */
  code: z.number().int().nullish(),
  /** Stable machine id such as `CLIENT_KEYS_UNAUTHORIZED`; branch on this, not on `message`. */
  codeDescription: z.string().nullish(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()).nullish(),
  errorId: z.string().nullish(),
  /** Legacy per-parameter validation errors on 400s. */
  details: z.array(ErrorDetail).nullish(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
