// What the person sees of a found move: the other side of a transfer (account, link) or the fatura a payment paid.
import type { AccountDuplicateView, OwnMoveView } from '../../shared/contract';
import { connectionName, maskNumber } from '../../shared/connections/name';
import { signedCentavos } from '../../shared/money';
import {
  getAccount,
  getBill,
  getConnection,
  getTransaction,
  listAccountDuplicates,
  listDuplicateChoices,
  type OwnMove,
  type StoredAccount,
} from '../store';
import type { Db } from '../store/db';

function linkName(db: Db, account: StoredAccount | null): string {
  const c = account ? getConnection(db, account.connectionId) : null;
  return c ? connectionName(c) : '';
}

/** The view of one mark, or null when a side it names is no longer stored. */
export function ownMoveView(db: Db, move: OwnMove): OwnMoveView | null {
  if (move.kind === 'transfer') {
    const other = move.otherTransactionId === null ? null : getTransaction(db, move.otherTransactionId);
    if (!other) return null;
    const account = getAccount(db, other.accountId);
    return {
      kind: 'transfer',
      otherTransactionId: other.id,
      otherAccountId: other.accountId,
      otherAccountName: account?.marketingName ?? account?.name ?? '',
      otherAccountNumberMasked: maskNumber(account?.number ?? null),
      otherConnectionName: linkName(db, account),
      otherDate: other.date,
      otherAmount: signedCentavos(other.type, other.amountInAccountCurrency ?? other.amount),
    };
  }
  const bill = move.billId === null ? null : getBill(db, move.billId);
  if (!bill) return null;
  const card = getAccount(db, bill.accountId);
  return {
    kind: 'bill_payment',
    billId: bill.id,
    cardAccountId: bill.accountId,
    cardName: card?.marketingName ?? card?.name ?? '',
    cardNumberMasked: maskNumber(card?.number ?? null),
    connectionName: linkName(db, card),
    dueDate: bill.dueDate,
    billTotal: bill.totalAmount,
  };
}

/** Every account's copies under other links, by account id (accounts with none are absent). */
export function duplicateViews(
  db: Db,
  names: ReadonlyMap<string, string>,
): Map<string, AccountDuplicateView> {
  const rows = [...listAccountDuplicates(db).values()];
  const choices = listDuplicateChoices(db);
  const views = new Map<string, AccountDuplicateView>();
  for (const row of rows) {
    const copies = rows
      .filter((r) => r.key === row.key && r.accountId !== row.accountId)
      .map((r) => ({ accountId: r.accountId, connectionName: names.get(r.accountId) ?? '' }));
    views.set(row.accountId, {
      copies,
      counted: row.keptAccountId === row.accountId,
      chosenByPerson: choices.get(row.key)?.keptAccountId === row.keptAccountId,
    });
  }
  return views;
}
