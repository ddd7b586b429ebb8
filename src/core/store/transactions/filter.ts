// The transaction list's filters and page request, as zod schemas (input may come from the renderer).
import { z } from 'zod';
import { Centavos } from '../../../shared/money';

/** A calendar day `YYYY-MM-DD` (UTC, as Pluggy dates are). */
export const DayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const TransactionFilter = z.object({
  accountIds: z.array(z.string().min(1)).max(200).optional(),
  /** Inclusive. */
  dateFrom: DayString.optional(),
  /** Inclusive. */
  dateTo: DayString.optional(),
  /** Bounds on the absolute amount in the account's currency, in centavos; use `type` for the direction. */
  amountMin: Centavos.nonnegative().optional(),
  amountMax: Centavos.nonnegative().optional(),
  type: z.enum(['DEBIT', 'CREDIT']).optional(),
  status: z.enum(['POSTED', 'PENDING']).optional(),
  categories: z.array(z.string()).max(200).optional(),
  /** Full-text search over description, merchant and counterparty; every word must match as a prefix. */
  text: z.string().max(200).optional(),
  includeRemoved: z.boolean().optional(),
});
export type TransactionFilter = z.infer<typeof TransactionFilter>;

export const TransactionPageRequest = z.object({
  filter: TransactionFilter.default({}),
  /** The `nextCursor` of the previous page. */
  after: z.string().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TransactionPageRequest = z.input<typeof TransactionPageRequest>;

/** The day after `day`, for turning an inclusive end day into an exclusive bound. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
