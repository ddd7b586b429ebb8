// What the sync engine asks the store about an account's recent past: pending rows, rows a run did not see.
import type { Db } from '../db';
import { prepared } from '../prepared';
import { sortKeyFloor } from './sort-key';

/** The day (`YYYY-MM-DD`) of the oldest transaction of the account still pending, or null. */
export function oldestPendingDay(db: Db, accountId: string): string | null {
  const row = prepared(
    db,
    `SELECT min(date) AS d FROM transactions WHERE account_id = ? AND status = 'PENDING' AND removed_at IS NULL`,
  ).get(accountId) as { d: string | null };
  return row.d === null ? null : row.d.slice(0, 10);
}

/**
 * Ids of the account's live transactions dated on or after `day` that the run holding `seenMark` has not
 * seen (the upsert stamps every row it is given with the run's mark; see migration 100).
 */
export function unseenLiveIdsSince(db: Db, accountId: string, day: string, seenMark: number): string[] {
  return prepared(
    db,
    `SELECT id FROM transactions
     WHERE account_id = ? AND sort_key >= ? AND removed_at IS NULL AND seen_mark < ?`,
  )
    .pluck()
    .all(accountId, sortKeyFloor(day), seenMark) as string[];
}

/**
 * Stamps rows as seen by the run holding `seenMark` (never lowering a mark). Rows seen outside a run (a
 * webhook's re-read) pass `latestSeenMark`: the run in progress, if any, counts them as seen.
 */
export function markSeen(db: Db, ids: readonly string[], seenMark: number): void {
  prepared(
    db,
    'UPDATE transactions SET seen_mark = ? WHERE id IN (SELECT value FROM json_each(?)) AND seen_mark < ?',
  ).run(seenMark, JSON.stringify(ids), seenMark);
}

/** The latest mark handed out (0 before the first run). */
export function latestSeenMark(db: Db): number {
  return prepared(db, 'SELECT last FROM sync_marks WHERE id = 1').pluck().get() as number;
}

/** The next run's mark: greater than every mark handed out before, in any process on this DB. */
export function takeSeenMark(db: Db): number {
  return prepared(db, 'UPDATE sync_marks SET last = last + 1 WHERE id = 1 RETURNING last')
    .pluck()
    .get() as number;
}
