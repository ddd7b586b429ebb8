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
 * Ids of the account's live transactions dated on or after `day` that a run which started at `seenAt`
 * has not seen (the upsert stamps every row it is given with `last_seen_at = seenAt`).
 */
export function unseenLiveIdsSince(db: Db, accountId: string, day: string, seenAt: string): string[] {
  return prepared(
    db,
    `SELECT id FROM transactions
     WHERE account_id = ? AND sort_key >= ? AND removed_at IS NULL AND last_seen_at < ?`,
  )
    .pluck()
    .all(accountId, sortKeyFloor(day), seenAt) as string[];
}
