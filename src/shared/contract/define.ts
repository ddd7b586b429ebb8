// Building blocks of the IPC contract: call and event declarations and the Result envelope.
import { z } from 'zod';
import { AppErrorData } from '../errors';

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

/** Declares one request/response channel; input is parsed at every boundary, output checked in tests. */
export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallDef<I, O> {
  return { input, output };
}

/** Declares one push event and the schema of its payload. */
export function event<S extends z.ZodType>(payload: S): S {
  return payload;
}

/** The input of a call that takes nothing. Strict, so extra keys from the renderer are refused. */
export const NoInput = z.object({}).strict();

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorData }),
]);
