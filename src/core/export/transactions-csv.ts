// CSV export of transactions: a header row, one row per transaction, the Pluggy id in the `id` column.
import { csvCell } from '../audit/export';
import type { StoredTransaction } from '../store';

export const CSV_COLUMNS = [
  'id',
  'account_id',
  'date',
  'description',
  'amount',
  'currency',
  'type',
  'status',
  'category',
  'merchant',
  'counterparty',
  'payment_method',
  'installment',
] as const;

export function csvHeader(): string {
  return CSV_COLUMNS.join(',');
}

export function csvRow(t: StoredTransaction): string {
  // "3/12" only for real installment plans; a single-payment purchase (1/1) has none.
  const installment =
    t.installmentNumber !== null && t.totalInstallments !== null && t.totalInstallments > 1
      ? `${t.installmentNumber}/${t.totalInstallments}`
      : '';
  return [
    t.id,
    t.accountId,
    t.date.slice(0, 10),
    t.description,
    t.amount.toFixed(2),
    t.currencyCode ?? '',
    t.type,
    t.status,
    t.category ?? '',
    t.merchantName ?? '',
    t.counterpartyName ?? '',
    t.paymentMethod ?? '',
    installment,
  ]
    .map((v) => csvCell(v))
    .join(',');
}
