// Reads transactions: keyset pages newest first with filters and FTS, and single lookups.
import type { Db } from '../db';
import { decodeCursor, encodeCursor } from '../keyset-cursor';
import { prepared } from '../prepared';
import { TransactionPageRequest, nextDay, type TransactionFilter } from './filter';
import { expandFtsQuery } from './fts-expand';
import { toFtsQuery } from './fts-query';
import { restoreTransaction, type FoldedColumns } from './raw-remainder';
import { sortKeyFloor } from './sort-key';
import { STORED_ROW_COLUMNS, toStoredTransaction, type StoredRow } from './stored-row';
import { parseInput } from '../parse-input';
import { EFFECTIVE_CATEGORY } from '../edits/edits';

export interface StoredTransaction {
  id: string;
  /** The list position (date second × 2^20 + arrival order); stable until the date changes. */
  sortKey: number;
  accountId: string;
  date: string;
  /** Centavos, with Pluggy's sign; `type` gives the direction (see shared/money signedCentavos). */
  amount: number;
  /** Centavos: a foreign purchase in the account's currency (R$ 88.52 for US$ 15.53 on a BRL card). */
  amountInAccountCurrency: number | null;
  /** Centavos: the balance after it, where the bank gives it. */
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

// Raw-only fields are picked in JS (see stored-row.ts); the generated columns are not selected.
const SELECT_COLUMNS = STORED_ROW_COLUMNS;

export interface WhereClause {
  /** Conditions on `t` (the transactions table). */
  sql: string;
  params: unknown[];
  /** The FTS5 query when the filter has searchable text. */
  match: string | null;
  /** Sort-key bounds from the date filter, [from, to); applied to whichever table drives the query. */
  keyFrom: number | null;
  keyTo: number | null;
}

/**
 * The WHERE clause for a filter; `null` when the text search cannot match anything. Given the DB, typed
 * word prefixes are expanded into whole indexed terms (see fts-expand.ts), which search much faster.
 */
export function filterClause(filter: TransactionFilter, db?: Db): WhereClause | null {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (!filter.includeRemoved) parts.push('t.removed_at IS NULL');
  const ids = filter.accountIds;
  if (ids && ids.length === 1) add('t.account_id = ?', ids[0]);
  else if (ids && ids.length > 1) add(`t.account_id IN (${ids.map(() => '?').join(', ')})`, ...ids);
  // Dates are key ranges: the sort key starts with the date's second.
  const keyFrom = filter.dateFrom ? sortKeyFloor(filter.dateFrom) : null;
  const keyTo = filter.dateTo ? sortKeyFloor(nextDay(filter.dateTo)) : null;
  // In the account's currency, as the totals count it: a US$ 15.53 purchase is R$ 88.52 here.
  const abs = 'abs(coalesce(t.amount_in_account_currency, t.amount))';
  if (filter.amountMin !== undefined) add(`${abs} >= ?`, filter.amountMin);
  if (filter.amountMax !== undefined) add(`${abs} <= ?`, filter.amountMax);
  if (filter.type) add('t.type = ?', filter.type);
  if (filter.status) add('t.status = ?', filter.status);
  if (filter.categories && filter.categories.length > 0) {
    // The category the person sees: theirs (or a rule's) over the bank's.
    add(`${EFFECTIVE_CATEGORY} IN (${filter.categories.map(() => '?').join(', ')})`, ...filter.categories);
  }
  let match: string | null = null;
  if (filter.text !== undefined && filter.text.trim() !== '') {
    match = db ? expandFtsQuery(db, filter.text) : toFtsQuery(filter.text);
    if (match === null) return null;
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params, match, keyFrom, keyTo };
}

export interface PageQuery {
  sql: string;
  args: unknown[];
  limit: number;
}

/** The SQL of one page (exported so a test can check its plan); null when nothing can match. */
export function buildPageQuery(request: TransactionPageRequest = {}, db?: Db): PageQuery | null {
  const req = parseInput(TransactionPageRequest, request, 'transaction page request');
  const where = filterClause(req.filter, db);
  if (!where) return null;
  let keyTo = where.keyTo;
  if (req.after !== undefined) {
    const [sortKey] = decodeCursor(req.after, 'number', 'string');
    keyTo = keyTo === null ? sortKey : Math.min(keyTo, sortKey);
  }
  // The key bounds go on the driving table: the rowid of the FTS index when searching (CROSS JOIN keeps
  // SQLite from driving with the account index and sorting every match), the table's key otherwise.
  const key = where.match === null ? 't.sort_key' : 'f.rowid';
  let sql = where.sql;
  const params = [...where.params];
  if (where.keyFrom !== null) {
    sql += ` AND ${key} >= ?`;
    params.push(where.keyFrom);
  }
  if (keyTo !== null) {
    sql += ` AND ${key} < ?`;
    params.push(keyTo);
  }
  if (where.match === null) {
    return {
      sql: `SELECT ${SELECT_COLUMNS} FROM transactions t WHERE ${sql} ORDER BY t.sort_key DESC LIMIT ?`,
      args: [...params, req.limit + 1],
      limit: req.limit,
    };
  }
  return {
    sql: `SELECT ${SELECT_COLUMNS} FROM transactions_fts f CROSS JOIN transactions t ON t.sort_key = f.rowid
      WHERE transactions_fts MATCH ? AND ${sql} ORDER BY f.rowid DESC LIMIT ?`,
    args: [where.match, ...params, req.limit + 1],
    limit: req.limit,
  };
}

/**
 * One page, newest first, continued with a keyset cursor (no OFFSET). A text search walks the FTS index
 * in sort-key order and stops after one page, so a common word costs no more than a rare one.
 */
export function pageTransactions(db: Db, request: TransactionPageRequest = {}): TransactionPage {
  const query = buildPageQuery(request, db);
  if (!query) return { rows: [], nextCursor: null };
  const rows = (prepared(db, query.sql).all(...query.args) as StoredRow[]).map(toStoredTransaction);
  const more = rows.length > query.limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  return { rows, nextCursor: more && last ? encodeCursor(last.sortKey, last.id) : null };
}

// One index seek per distinct category (a skip-scan of migration 60's partial index), not a table scan.
const LIVE_CATEGORIES_SQL = `WITH RECURSIVE c(category) AS (
    SELECT min(category) FROM transactions WHERE category IS NOT NULL AND removed_at IS NULL
    UNION ALL
    SELECT (SELECT min(category) FROM transactions
            WHERE category > c.category AND category IS NOT NULL AND removed_at IS NULL)
    FROM c WHERE c.category IS NOT NULL
  )
  SELECT category FROM c WHERE category IS NOT NULL`;

const PERSON_CATEGORIES_SQL = `SELECT DISTINCT e.category FROM transaction_edits e
  JOIN transactions t ON t.id = e.transaction_id WHERE e.category IS NOT NULL AND t.removed_at IS NULL`;

/** The distinct bank categories of live (not removed) transactions, in ascending order. */
export function listLiveCategories(db: Db): string[] {
  return prepared(db, LIVE_CATEGORIES_SQL).pluck().all() as string[];
}

/** The categories a live row shows: the bank's and the person's (or their rules'), ascending. */
export function listShownCategories(db: Db): string[] {
  const bank = listLiveCategories(db);
  const person = prepared(db, PERSON_CATEGORIES_SQL).pluck().all() as string[];
  if (person.length === 0) return bank;
  return [...new Set([...bank, ...person])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One transaction by Pluggy id (removed ones included), or null. */
export function getTransaction(db: Db, id: string): StoredTransaction | null {
  const row = prepared(db, `SELECT ${SELECT_COLUMNS} FROM transactions t WHERE t.id = ?`).get(id) as
    StoredRow | undefined;
  return row ? toStoredTransaction(row) : null;
}

const RAW_SQL = `SELECT id, account_id AS accountId, date, description, type, amount,
  amount_in_account_currency AS amountInAccountCurrency, balance, currency_code AS currencyCode,
  category, status, pluggy_created_at AS pluggyCreatedAt, raw FROM transactions WHERE id = ?`;

/** The Pluggy object of one transaction as it was last received (its nulls left out), or null. */
export function getTransactionRaw(db: Db, id: string): Record<string, unknown> | null {
  const row = prepared(db, RAW_SQL).get(id) as (FoldedColumns & { raw: string }) | undefined;
  return row ? restoreTransaction(row, row.raw) : null;
}

const ALL_COUNT_SQL = 'SELECT count(*) FROM transactions';
// count(*) walks SQLite's smallest index; the removed rows come from their own partial index (migration 60).
const LIVE_COUNT_SQL = `SELECT (SELECT count(*) FROM transactions)
  - (SELECT count(*) FROM transactions WHERE removed_at IS NOT NULL)`;

/** A WhereClause as one condition on `t` with its key bounds and FTS match inlined, for a scan of the rows. */
export function flatWhere(where: WhereClause): { sql: string; params: unknown[] } {
  let sql = where.sql;
  const params = [...where.params];
  if (where.keyFrom !== null) {
    sql += ' AND t.sort_key >= ?';
    params.push(where.keyFrom);
  }
  if (where.keyTo !== null) {
    sql += ' AND t.sort_key < ?';
    params.push(where.keyTo);
  }
  if (where.match !== null) {
    sql += ' AND t.sort_key IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ?)';
    params.push(where.match);
  }
  return { sql, params };
}

/** How many transactions match a filter (for a header count; walks the matching rows unless unfiltered). */
export function countTransactions(db: Db, filter: TransactionFilter = {}): number {
  const where = filterClause(filter, db);
  if (!where) return 0;
  // Every condition but "not removed" has a parameter or a key bound: none of those means unfiltered.
  if (where.params.length === 0 && where.keyFrom === null && where.keyTo === null && where.match === null) {
    const sql = where.sql === '1' ? ALL_COUNT_SQL : LIVE_COUNT_SQL;
    return Number(prepared(db, sql).pluck().get());
  }
  const { sql, params } = flatWhere(where);
  const row = prepared(db, `SELECT count(*) AS n FROM transactions t WHERE ${sql}`).get(...params) as {
    n: number;
  };
  return row.n;
}
