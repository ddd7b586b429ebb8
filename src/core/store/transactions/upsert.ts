// Bulk upsert of one page of Pluggy transactions in one SQLite transaction, plus marking removed ids.
import type { Transaction } from '../../../shared/pluggy';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db';
import { nowIso, prepared } from '../prepared';
import { sqliteCode } from '../sqlite-error';
import { DATA_COLUMNS, mappedRow, toRowValues, type MappedTransaction, type RowValues } from './row-mapping';
import { SortKeyAllocator } from './sort-key';
import { applyRulesToNewRows } from '../edits/apply-rules';
import { followEditsFromRemoved, followEditsToInserted } from '../edits/follow';
import { appendHistory, type ChangeSource } from '../edits/history';
import { recordBankChanges } from './bank-changes';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface UpsertOptions {
  /** When these rows were seen; pass the sync run's start so re-running a page writes nothing. */
  seenAt?: string;
  /** The sync run's seen mark (migration 100), stamped in the same write; never lowers a row's mark. */
  seenMark?: number;
  /** Who brought the rows (a sync run or a webhook), for each row's history; default: a sync without a run. */
  source?: ChangeSource;
}

const INSERT_SQL = `INSERT INTO transactions (sort_key, ${DATA_COLUMNS.join(', ')}, first_seen_at, last_seen_at,
  changed_at, seen_mark, created_run_id) VALUES (?, ${DATA_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?, ?)`;

const UPDATE_SQL = `UPDATE transactions SET sort_key = ?, ${DATA_COLUMNS.map((c) => `${c} = ?`).join(', ')},
  last_seen_at = max(last_seen_at, ?), changed_at = ?, removed_at = NULL, seen_mark = max(seen_mark, ?)
  WHERE id = ?`;

// Every column a row's values fill, so "unchanged" means every one is: `raw` alone no longer repeats them.
const STATE_SQL = `SELECT sort_key, removed_at, ${DATA_COLUMNS.join(', ')} FROM transactions
  WHERE id IN (SELECT value FROM json_each(?))`;
const STATE_SORT_KEY = 0;
const STATE_REMOVED_AT = 1;
/** Where DATA_COLUMNS start in a STATE_SQL row. */
const STATE_VALUES = 2;
const STATE_ID = STATE_VALUES + DATA_COLUMNS.indexOf('id');
const STATE_DATE = STATE_VALUES + DATA_COLUMNS.indexOf('date');

// One seek down the key, not a scan of the second's range.
const FTS_INSERT_SQL = `INSERT INTO transactions_fts(rowid, description, merchant_name, counterparty_name)
  VALUES (?, ?, ?, ?)`;

const MAX_KEY_SQL = 'SELECT sort_key FROM transactions WHERE sort_key < ? ORDER BY sort_key DESC LIMIT 1';
// Stamping the run's mark here, not in a second UPDATE of the page, writes each row once (a sync's ~15%).
const TOUCH_SQL = `UPDATE transactions SET last_seen_at = max(last_seen_at, ?), seen_mark = max(seen_mark, ?)
  WHERE id = ? AND (last_seen_at < ? OR seen_mark < ?)`;

interface Op {
  kind: 'insert' | 'update' | 'touch';
  sortKey: number;
  row: MappedTransaction;
  /** The stored row an update replaces, for its history. */
  before?: RowState;
}

/** A stored row as STATE_SQL reads it: [sort_key, removed_at, ...DATA_COLUMNS]. */
type RowState = unknown[];

function sameValues(state: RowState, row: MappedTransaction): boolean {
  for (let i = 0; i < row.values.length; i++) if (state[STATE_VALUES + i] !== row.values[i]) return false;
  return true;
}

/**
 * Inserts new transactions, updates changed ones (and revives removed ones), counts unchanged ones; never
 * duplicates a Pluggy id. All or nothing: a bad row rejects the whole page with an `invalid_input` error.
 * Inside a caller's transaction it becomes a savepoint, so the caller's audit entry commits with it.
 */
export function upsertTransactions(
  db: Db,
  page: readonly Transaction[],
  options: UpsertOptions = {},
): UpsertCounts {
  return upsertTransactionRows(db, page.map(toRowValues), options);
}

/** `upsertTransactions` for rows already mapped (by `toRowValues`, e.g. on the thread that decoded the page). */
export function upsertTransactionRows(
  db: Db,
  page: readonly RowValues[],
  options: UpsertOptions = {},
): UpsertCounts {
  const seenAt = options.seenAt ?? nowIso();
  const seenMark = options.seenMark ?? 0;
  const source = options.source ?? { actor: 'sync' };
  const rows = page.map(mappedRow);
  const insert = prepared(db, INSERT_SQL);
  const update = prepared(db, UPDATE_SQL);
  const touch = prepared(db, TOUCH_SQL);
  const ftsInsert = prepared(db, FTS_INSERT_SQL);
  const maxKey = prepared(db, MAX_KEY_SQL).pluck();
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const run = db.transaction(() => {
    // One lookup for the whole page instead of one per row.
    const states = new Map<string, RowState>();
    const found = prepared(db, STATE_SQL)
      .raw(true)
      .all(JSON.stringify(rows.map((r) => r.id))) as RowState[];
    for (const s of found) states.set(s[STATE_ID] as string, s);
    const keys = new SortKeyAllocator((from, to) => {
      const below = maxKey.get(to) as number | undefined;
      return below !== undefined && below >= from ? below : null;
    });
    // Decide every row first, then write in ascending key order: FTS5 flushes its pending index to disk
    // whenever a rowid lower than the previous one arrives, which made descending pages ~7× slower.
    const ops = new Map<string, Op>();
    for (const row of rows) {
      const pending = ops.get(row.id);
      if (pending) {
        // The same id twice in one page: the last copy wins, and counts as unchanged.
        pending.sortKey = pending.row.date === row.date ? pending.sortKey : keys.allocate(row.date);
        pending.row = row;
        counts.unchanged++;
        continue;
      }
      const state = states.get(row.id);
      if (!state) {
        ops.set(row.id, { kind: 'insert', sortKey: keys.allocate(row.date), row });
        counts.inserted++;
      } else if (state[STATE_REMOVED_AT] !== null || !sameValues(state, row)) {
        const stored = state[STATE_SORT_KEY] as number;
        const sortKey = state[STATE_DATE] === row.date ? stored : keys.allocate(row.date);
        ops.set(row.id, { kind: 'update', sortKey, row, before: state });
        counts.updated++;
      } else {
        ops.set(row.id, { kind: 'touch', sortKey: state[STATE_SORT_KEY] as number, row });
        counts.unchanged++;
      }
    }
    const inserted: MappedTransaction[] = [];
    for (const op of [...ops.values()].sort((a, b) => a.sortKey - b.sortKey)) {
      if (op.kind === 'insert') {
        insert.run(op.sortKey, ...op.row.values, seenAt, seenAt, seenAt, seenMark, source.runId ?? null);
        ftsInsert.run(op.sortKey, ...op.row.searchable); // see migration 20: no insert trigger, on purpose
        inserted.push(op.row);
      } else if (op.kind === 'update') {
        update.run(op.sortKey, ...op.row.values, seenAt, seenAt, seenMark, op.row.id);
        recordBankChanges(
          db,
          op.before!.slice(STATE_VALUES),
          op.before![STATE_REMOVED_AT] as string | null,
          op.row,
          source,
          seenAt,
        );
      } else touch.run(seenAt, seenMark, op.row.id, seenAt, seenMark);
    }
    // The person's layer over the new rows: edits of a row they re-create, then the rules.
    followEditsToInserted(db, inserted.map(candidateOf), source, seenAt);
    applyRulesToNewRows(
      db,
      inserted.map((r) => r.id),
      seenAt,
      source.runId ?? null,
    );
  });
  try {
    run.immediate();
  } catch (err) {
    if (sqliteCode(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new AppError('invalid_input', 'A transaction refers to an account that is not stored yet.', {
        details: { accountIds: [...new Set(rows.map((r) => r.accountId))] },
        cause: err,
      });
    }
    throw err;
  }
  return counts;
}

/**
 * Marks the given Pluggy ids as removed (kept for history, hidden from lists); returns how many changed. Each
 * gets a history line, and its edits go to the row that re-creates it, if one is stored.
 */
export function markTransactionsRemoved(
  db: Db,
  ids: readonly string[],
  at: string = nowIso(),
  source: ChangeSource = { actor: 'sync' },
): number {
  const stmt = prepared(db, 'UPDATE transactions SET removed_at = ? WHERE id = ? AND removed_at IS NULL');
  const removed: string[] = [];
  db.transaction(() => {
    for (const id of ids) {
      if (stmt.run(at, id).changes === 0) continue;
      removed.push(id);
      appendHistory(db, id, 'removed', source, at);
    }
    followEditsFromRemoved(db, removed, source, at);
  }).immediate();
  return removed.length;
}

const candidateOf = (row: MappedTransaction) => ({
  id: row.id,
  accountId: row.accountId,
  date: row.date,
  amount: row.values[3],
  type: row.values[5],
  description: row.values[7],
});

/** The newest Pluggy ingestion time stored for an account (walks that account's rows). */
export function latestTransactionCreatedAt(db: Db, accountId: string): string | null {
  const row = prepared(db, 'SELECT max(pluggy_created_at) AS at FROM transactions WHERE account_id = ?').get(
    accountId,
  ) as { at: string | null } | undefined;
  return row?.at ?? null;
}
