// Building blocks shared by the Pluggy resource schemas: timestamps and the page shape.
import { z } from 'zod';

/**
 * A timestamp as it arrives in JSON: ISO-8601 (usually `YYYY-MM-DDTHH:mm:ss.sssZ`, sometimes date-only).
 * Kept as a string; convert where needed.
 */
export const IsoDateString = z.string().min(1);
export type IsoDateString = z.infer<typeof IsoDateString>;

/** The page shape of list endpoints other than /v2/transactions: `{ results, page, total, totalPages }`. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    results: z.array(item),
    page: z.number().int().optional(),
    total: z.number().int().optional(),
    totalPages: z.number().int().optional(),
  });
}
export type Page<T> = {
  results: T[];
  page?: number | undefined;
  total?: number | undefined;
  totalPages?: number | undefined;
};
