// A found move in the person's words: which account and link the other side is on, or which fatura it paid.
import type { TFunction } from 'i18next';
import type { OwnMoveView, TransactionView } from '../../../shared/contract';
import { formatDate, formatMoney } from '../../format';

const accountLabel = (name: string, masked: string | null) => [name, masked].filter(Boolean).join(' ');

/** The sentence for the detail panel; `short` gives the row badge's title. */
export function moveText(
  tx: TransactionView,
  move: OwnMoveView,
  t: TFunction,
  lng: string,
  short = false,
): string {
  if (move.kind === 'transfer') {
    const direction = tx.amount < 0 ? 'out' : 'in';
    return t(short ? `transfers.badgeTitle.transfer_${direction}` : `transfers.transfer_${direction}`, {
      account: accountLabel(move.otherAccountName, move.otherAccountNumberMasked),
      link: move.otherConnectionName,
      amount: formatMoney(Math.abs(move.otherAmount), tx.currencyCode ?? 'BRL', lng),
      date: formatDate(move.otherDate, lng),
    });
  }
  return t(short ? 'transfers.badgeTitle.bill_payment' : 'transfers.bill_payment', {
    card: accountLabel(move.cardName, move.cardNumberMasked),
    link: move.connectionName,
    date: formatDate(move.dueDate, lng),
    amount: formatMoney(move.billTotal, 'BRL', lng),
  });
}
