// Card transactions as faturas need them: each live row's bill link (billId, billForecastDate) and parcela data.
import type { Db } from '../db';
import { prepared } from '../prepared';
import { STORED_ROW_COLUMNS, toStoredTransaction, type StoredRow } from '../transactions/stored-row';
import type { StoredTransaction } from '../transactions/query';

export interface CardRow {
  id: string;
  accountId: string;
  date: string;
  /** Centavos in the card's currency with Pluggy's sign (a purchase positive). */
  cents: number;
  type: string;
  status: string;
  description: string;
  billId: string | null;
  /** `YYYY-MM`. */
  billForecastDate: string | null;
  installmentNumber: number | null;
  totalInstallments: number | null;
  /** Currency units, as Pluggy sends it. */
  totalAmount: number | null;
  purchaseDate: string | null;
}

const CARD_ROWS_SQL = `SELECT t.id, t.account_id AS accountId, t.date,
  coalesce(t.amount_in_account_currency, t.amount) AS cents, t.type, t.status, t.description,
  t.card_bill_id AS billId,
  json_extract(t.raw, '$.creditCardMetadata.billForecastDate') AS billForecastDate,
  t.card_installment_number AS installmentNumber, t.card_total_installments AS totalInstallments,
  json_extract(t.raw, '$.creditCardMetadata.totalAmount') AS totalAmount,
  json_extract(t.raw, '$.creditCardMetadata.purchaseDate') AS purchaseDate
FROM transactions t WHERE t.account_id = ? AND t.removed_at IS NULL ORDER BY t.sort_key`;

/** Every live transaction of one card, oldest first. */
export function listCardRows(db: Db, accountId: string): CardRow[] {
  return prepared(db, CARD_ROWS_SQL).all(accountId) as CardRow[];
}

/** The full stored rows of the given ids, oldest first (a fatura's transactions for a list or an export). */
export function storedTransactionsByIds(db: Db, ids: readonly string[]): StoredTransaction[] {
  if (ids.length === 0) return [];
  const out: StoredTransaction[] = [];
  const one = prepared(db, `SELECT ${STORED_ROW_COLUMNS} FROM transactions t WHERE t.id = ?`);
  for (const id of ids) {
    const row = one.get(id) as StoredRow | undefined;
    if (row) out.push(toStoredTransaction(row));
  }
  return out.sort((a, b) => a.sortKey - b.sortKey);
}
