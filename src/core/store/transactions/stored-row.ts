// Reads a transactions row into a StoredTransaction: stored columns from SQL, raw-only fields from one JSON.parse.
//
// The generated columns of migration 10 (json_extract over `raw`) cost ~11 µs a row when selected, 15 of
// them per row; parsing `raw` once in JS and picking the same paths costs ~2 µs, so a 100-row page takes
// ~0.6 ms instead of ~1.5 ms. The generated columns stay for SQL that filters or groups on them.
import type { StoredTransaction } from './query';

/** The SELECT list that `toStoredTransaction` reads, on a table aliased `t`. */
export const STORED_ROW_COLUMNS = `t.id, t.sort_key AS sortKey, t.account_id AS accountId, t.date, t.amount,
  t.currency_code AS currencyCode, t.type, t.status, t.description, t.category,
  t.merchant_name AS merchantName, t.counterparty_name AS counterpartyName,
  t.pluggy_created_at AS pluggyCreatedAt, t.first_seen_at AS firstSeenAt, t.last_seen_at AS lastSeenAt,
  t.changed_at AS changedAt, t.removed_at AS removedAt, t.raw,
  t.amount_in_account_currency AS amountInAccountCurrency, t.balance`;

export interface StoredRow {
  id: string;
  sortKey: number;
  accountId: string;
  date: string;
  amount: number;
  amountInAccountCurrency: number | null;
  balance: number | null;
  currencyCode: string | null;
  type: string;
  status: string;
  description: string;
  category: string | null;
  merchantName: string | null;
  counterpartyName: string | null;
  pluggyCreatedAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  changedAt: string;
  removedAt: string | null;
  raw: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** What SQLite's json_extract would give for this path: scalars as-is, booleans 1/0, objects as JSON text. */
function extract(root: Json, ...path: string[]): string | number | null {
  let v: Json | undefined = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
    v = v[key];
  }
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

const num = (v: string | number | null): number | null => (typeof v === 'number' ? v : null);
const str = (v: string | number | null): string | null => (v === null ? null : String(v));

export function toStoredTransaction(row: StoredRow): StoredTransaction {
  const raw = JSON.parse(row.raw) as Json;
  return {
    id: row.id,
    sortKey: row.sortKey,
    accountId: row.accountId,
    date: row.date,
    amount: row.amount,
    amountInAccountCurrency: row.amountInAccountCurrency,
    balance: row.balance,
    currencyCode: row.currencyCode,
    type: row.type,
    status: row.status,
    description: row.description,
    descriptionRaw: str(extract(raw, 'descriptionRaw')),
    category: row.category,
    categoryId: str(extract(raw, 'categoryId')),
    operationType: str(extract(raw, 'operationType')),
    merchantName: row.merchantName,
    merchantCnpj: str(extract(raw, 'merchant', 'cnpj')),
    merchantCategory: str(extract(raw, 'merchant', 'category')),
    paymentMethod: str(extract(raw, 'paymentData', 'paymentMethod')),
    counterpartyName: row.counterpartyName,
    cardNumber: str(extract(raw, 'creditCardMetadata', 'cardNumber')),
    installmentNumber: num(extract(raw, 'creditCardMetadata', 'installmentNumber')),
    totalInstallments: num(extract(raw, 'creditCardMetadata', 'totalInstallments')),
    billId: str(extract(raw, 'creditCardMetadata', 'billId')),
    pluggyCreatedAt: row.pluggyCreatedAt,
    pluggyUpdatedAt: str(extract(raw, 'updatedAt')),
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
    changedAt: row.changedAt,
    removedAt: row.removedAt,
  };
}
