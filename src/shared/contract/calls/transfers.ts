// Calls about money moved between the person's own pockets and accounts reachable through two links.
import { z } from 'zod';
import { Centavos } from '../../money';
import { call } from '../define';

/** What a row is when Cofre found it moves money between the person's own pockets (not spending). */
export const OwnMoveView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('transfer'),
    otherTransactionId: z.string(),
    otherAccountId: z.string(),
    otherAccountName: z.string(),
    otherAccountNumberMasked: z.string().nullable(),
    /** The link the other side came through, as Cofre names it everywhere. */
    otherConnectionName: z.string(),
    otherDate: z.string(),
    /** Cofre's sign convention: the other side's direction. */
    otherAmount: Centavos,
  }),
  z.object({
    kind: z.literal('bill_payment'),
    billId: z.string(),
    cardAccountId: z.string(),
    cardName: z.string(),
    cardNumberMasked: z.string().nullable(),
    connectionName: z.string(),
    dueDate: z.string(),
    /** What the fatura totalled (positive: owed). */
    billTotal: Centavos,
  }),
]);
export type OwnMoveView = z.infer<typeof OwnMoveView>;

/** An account Cofre also sees under another link: one copy counts in totals. */
export const AccountDuplicateView = z.object({
  copies: z.array(z.object({ accountId: z.string(), connectionName: z.string() })),
  /** This copy is the one counted in totals. */
  counted: z.boolean(),
  /** The person chose (else Cofre kept the copy it saw first). */
  chosenByPerson: z.boolean(),
});
export type AccountDuplicateView = z.infer<typeof AccountDuplicateView>;

const Id = z.string().min(1).max(100);

export const transferCalls = {
  /**
   * "Not a transfer" / "not this fatura's payment": the mark goes (both sides of a transfer) and stays gone
   * through every later sync.
   */
  'transfers.undo': call(
    z.object({ id: Id }).strict(),
    z.object({ kind: z.enum(['transfer', 'bill_payment']), transactionIds: z.array(z.string()) }),
  ),
  /** keep: count this copy and not the others; separate: they are different accounts, count each. */
  'accounts.chooseDuplicate': call(
    z.object({ accountId: Id, choice: z.enum(['keep', 'separate']) }).strict(),
    z.object({ keptAccountId: z.string().nullable() }),
  ),
};
