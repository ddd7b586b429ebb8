// Bulk upsert of one page of Pluggy transactions in one SQLite transaction, plus marking removed ids.
import type { Transaction } from '../../../shared/pluggy';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db';
import { nowIso, prepared } from '../prepared';
import { sqliteCode } from '../sqlite-error';
import { toTransactionColumns, type TransactionColumns } from './row-mapping';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface UpsertOptions {
  /** When these rows were seen; pass the sync run's start so re-running a page writes nothing. */
  seenAt?: string;
}

const DATA_COLUMNS = [
  'account_id',
  'date',
  'amount',
  'amount_in_account_currency',
  'balance',
  'currency_code',
  'type',
  'status',
  'description',
  'description_raw',
  'category',
  'category_id',
  'operation_type',
  'provider_code',
  'provider_id',
  'merchant_name',
  'merchant_cnpj',
  'merchant_category',
  'payment_method',
  'counterparty_name',
  'card_number',
  'card_installment_number',
  'card_total_installments',
  'card_bill_id',
  'pluggy_created_at',
  'pluggy_updated_at',
  'raw_hash',
  'raw',
] as const satisfies readonly (keyof TransactionColumns)[];

const INSERT_SQL = `INSERT INTO transactions (id, ${DATA_COLUMNS.join(', ')}, first_seen_at, last_seen_at, changed_at)
VALUES (@id, ${DATA_COLUMNS.map((c) => `@${c}`).join(', ')}, @seen_at, @seen_at, @seen_at)`;

const UPDATE_SQL = `UPDATE transactions SET ${DATA_COLUMNS.map((c) => `${c} = @${c}`).join(', ')},
  last_seen_at = @seen_at, changed_at = @seen_at, removed_at = NULL
WHERE id = @id`;

const SELECT_STATE_SQL = 'SELECT raw_hash AS hash, removed_at AS removedAt FROM transactions WHERE id = ?';
const TOUCH_SQL = 'UPDATE transactions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?';

interface RowState {
  hash: string;
  removedAt: string | null;
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
  const seenAt = options.seenAt ?? nowIso();
  const rows = page.map(toTransactionColumns);
  const select = prepared(db, SELECT_STATE_SQL);
  const insert = prepared(db, INSERT_SQL);
  const update = prepared(db, UPDATE_SQL);
  const touch = prepared(db, TOUCH_SQL);
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const run = db.transaction(() => {
    for (const row of rows) {
      const state = select.get(row.id) as RowState | undefined;
      const params = { ...row, seen_at: seenAt };
      if (!state) {
        insert.run(params);
        counts.inserted++;
      } else if (state.hash !== row.raw_hash || state.removedAt !== null) {
        update.run(params);
        counts.updated++;
      } else {
        touch.run(seenAt, row.id, seenAt);
        counts.unchanged++;
      }
    }
  });
  try {
    run.immediate();
  } catch (err) {
    if (sqliteCode(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new AppError('invalid_input', 'A transaction refers to an account that is not stored yet.', {
        details: { accountIds: [...new Set(rows.map((r) => r.account_id))] },
        cause: err,
      });
    }
    throw err;
  }
  return counts;
}

/** Marks the given Pluggy ids as removed (kept for history, hidden from lists); returns how many changed. */
export function markTransactionsRemoved(db: Db, ids: readonly string[], at: string = nowIso()): number {
  const stmt = prepared(db, 'UPDATE transactions SET removed_at = ? WHERE id = ? AND removed_at IS NULL');
  let changed = 0;
  db.transaction(() => {
    for (const id of ids) changed += stmt.run(at, id).changes;
  }).immediate();
  return changed;
}

/** The newest Pluggy ingestion time stored for an account: the `createdAtFrom` watermark of the next sync. */
export function latestTransactionCreatedAt(db: Db, accountId: string): string | null {
  const row = prepared(db, 'SELECT max(pluggy_created_at) AS at FROM transactions WHERE account_id = ?').get(
    accountId,
  ) as { at: string | null } | undefined;
  return row?.at ?? null;
}
