// Reads transactions: keyset pages newest first with filters and FTS, and single lookups.
import type { Db } from '../db';
import { decodeCursor, encodeCursor } from '../keyset-cursor';
import { prepared } from '../prepared';
import { TransactionPageRequest, nextDay, type TransactionFilter } from './filter';
import { toFtsQuery } from './fts-query';
import { parseInput } from '../parse-input';

export interface StoredTransaction {
  id: string;
  accountId: string;
  date: string;
  amount: number;
  amountInAccountCurrency: number | null;
  balance: number | null;
  currencyCode: string | null;
  type: string;
  status: string;
  description: string;
  descriptionRaw: string | null;
  category: string | null;
  categoryId: string | null;
  operationType: string | null;
  merchantName: string | null;
  merchantCnpj: string | null;
  merchantCategory: string | null;
  paymentMethod: string | null;
  counterpartyName: string | null;
  cardNumber: string | null;
  installmentNumber: number | null;
  totalInstallments: number | null;
  billId: string | null;
  pluggyCreatedAt: string | null;
  pluggyUpdatedAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  changedAt: string;
  removedAt: string | null;
}

export interface TransactionPage {
  rows: StoredTransaction[];
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
}

const SELECT_COLUMNS = `t.id, t.account_id AS accountId, t.date, t.amount,
  t.amount_in_account_currency AS amountInAccountCurrency, t.balance, t.currency_code AS currencyCode,
  t.type, t.status, t.description, t.description_raw AS descriptionRaw, t.category, t.category_id AS categoryId,
  t.operation_type AS operationType, t.merchant_name AS merchantName, t.merchant_cnpj AS merchantCnpj,
  t.merchant_category AS merchantCategory, t.payment_method AS paymentMethod,
  t.counterparty_name AS counterpartyName, t.card_number AS cardNumber,
  t.card_installment_number AS installmentNumber, t.card_total_installments AS totalInstallments,
  t.card_bill_id AS billId, t.pluggy_created_at AS pluggyCreatedAt, t.pluggy_updated_at AS pluggyUpdatedAt,
  t.first_seen_at AS firstSeenAt, t.last_seen_at AS lastSeenAt, t.changed_at AS changedAt,
  t.removed_at AS removedAt`;

interface WhereClause {
  sql: string;
  params: unknown[];
}

/** The WHERE clause for a filter; shared with the aggregates. `null` when the text search cannot match. */
export function filterClause(filter: TransactionFilter): WhereClause | null {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (!filter.includeRemoved) parts.push('t.removed_at IS NULL');
  const ids = filter.accountIds;
  if (ids && ids.length === 1) {
    parts.push('t.account_id = ?');
    params.push(ids[0]);
  } else if (ids && ids.length > 1) {
    parts.push(`t.account_id IN (${ids.map(() => '?').join(', ')})`);
    params.push(...ids);
  }
  if (filter.dateFrom) {
    parts.push('t.date >= ?');
    params.push(filter.dateFrom);
  }
  if (filter.dateTo) {
    parts.push('t.date < ?');
    params.push(nextDay(filter.dateTo));
  }
  if (filter.amountMin !== undefined) {
    parts.push('abs(t.amount) >= ?');
    params.push(filter.amountMin);
  }
  if (filter.amountMax !== undefined) {
    parts.push('abs(t.amount) <= ?');
    params.push(filter.amountMax);
  }
  if (filter.type) {
    parts.push('t.type = ?');
    params.push(filter.type);
  }
  if (filter.status) {
    parts.push('t.status = ?');
    params.push(filter.status);
  }
  if (filter.categories && filter.categories.length > 0) {
    parts.push(`t.category IN (${filter.categories.map(() => '?').join(', ')})`);
    params.push(...filter.categories);
  }
  if (filter.text !== undefined && filter.text.trim() !== '') {
    const match = toFtsQuery(filter.text);
    if (match === null) return null;
    parts.push('t.rowid IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ?)');
    params.push(match);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

/** One page, newest first, ordered by (date, id) and continued with a keyset cursor (no OFFSET). */
export function pageTransactions(db: Db, request: TransactionPageRequest = {}): TransactionPage {
  const req = parseInput(TransactionPageRequest, request, 'transaction page request');
  const where = filterClause(req.filter);
  if (!where) return { rows: [], nextCursor: null };
  let sql = where.sql;
  const params = [...where.params];
  if (req.after !== undefined) {
    const [date, id] = decodeCursor(req.after, 'string', 'string');
    sql += ' AND (t.date, t.id) < (?, ?)';
    params.push(date, id);
  }
  params.push(req.limit + 1);
  const rows = prepared(
    db,
    `SELECT ${SELECT_COLUMNS} FROM transactions t WHERE ${sql} ORDER BY t.date DESC, t.id DESC LIMIT ?`,
  ).all(...params) as StoredTransaction[];
  const more = rows.length > req.limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  return { rows, nextCursor: more && last ? encodeCursor(last.date, last.id) : null };
}

/** One transaction by Pluggy id (removed ones included), or null. */
export function getTransaction(db: Db, id: string): StoredTransaction | null {
  const row = prepared(db, `SELECT ${SELECT_COLUMNS} FROM transactions t WHERE t.id = ?`).get(id);
  return (row as StoredTransaction | undefined) ?? null;
}

/** The raw Pluggy JSON of one transaction as it was last received, or null. */
export function getTransactionRaw(db: Db, id: string): unknown {
  const row = prepared(db, 'SELECT raw FROM transactions WHERE id = ?').get(id) as
    { raw: string } | undefined;
  return row ? (JSON.parse(row.raw) as unknown) : null;
}

/** How many transactions match a filter (for a header count; walks the matching rows). */
export function countTransactions(db: Db, filter: TransactionFilter = {}): number {
  const where = filterClause(filter);
  if (!where) return 0;
  const row = prepared(db, `SELECT count(*) AS n FROM transactions t WHERE ${where.sql}`).get(
    ...where.params,
  ) as { n: number };
  return row.n;
}
