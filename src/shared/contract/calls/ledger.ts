// The ledger check: each account's balance against the transactions Cofre stored (gaps with their runs).
import { z } from 'zod';
import { Centavos } from '../../money';
import { call } from '../define';

export const LedgerRunView = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.string(),
});

export const LedgerCheckView = z.object({
  accountId: z.string(),
  /** unchecked: no successful sync recorded a balance yet. */
  status: z.enum(['ok', 'gap', 'unchecked']),
  snapshots: z.number().int(),
  checkedFrom: z.string().nullable(),
  gap: z
    .object({
      /** What the stored transactions lack: > 0 money in, < 0 money out. */
      amount: Centavos,
      from: z.string(),
      /** null: since the last sync. */
      to: z.string().nullable(),
      runs: z.array(LedgerRunView),
    })
    .nullable(),
});
export type LedgerCheckView = z.infer<typeof LedgerCheckView>;

export const ledgerCalls = {
  'ledger.check': call(
    z.object({ accountIds: z.array(z.string().min(1).max(100)).max(200).optional() }).strict(),
    z.array(LedgerCheckView),
  ),
};
