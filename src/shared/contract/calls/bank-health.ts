// The bank's own health beside a link's state, and each product's freshness (parts of a Connection).
import { z } from 'zod';

/** The bank's own state as Pluggy reports it (connector health), apart from the state of the link. */
export const BankHealth = z.object({
  /** ONLINE, UNSTABLE, OFFLINE, or a value Pluggy adds later. */
  status: z.string(),
  since: z.string(),
  checkedAt: z.string(),
  /** Share of connections that reached the bank in the last 6 hours (0–100), when Pluggy gave it. */
  connectionRate: z.number().nullable(),
});
export type BankHealth = z.infer<typeof BankHealth>;

/** One product of the link as the bank's last execution left it (item `statusDetail`). */
export const ProductFreshness = z.object({
  /** The statusDetail key: accounts, creditCards, transactions, investments, … */
  product: z.string(),
  /** False when the last execution did not update it. */
  isUpdated: z.boolean().nullable(),
  lastUpdatedAt: z.string().nullable(),
  warnings: z.array(z.string()).max(20),
});
export type ProductFreshness = z.infer<typeof ProductFreshness>;
