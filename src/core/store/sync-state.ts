// Per-connection sync state: the ingestion watermark, last success, failures in a row, refresh limits.
import type { Db } from './db';
import { prepared } from './prepared';

export interface SyncState {
  connectionId: string;
  /** Pluggy `createdAt` of the newest transaction read by the last complete run; null before the first. */
  watermark: string | null;
  lastSuccessAt: string | null;
  /** The last run that brought any inserted or updated row. */
  lastNewDataAt: string | null;
  lastAttemptAt: string | null;
  consecutiveFailures: number;
  lastErrorCode: string | null;
  /** A manual refresh (PATCH /items) is refused by the rate limit until then. */
  refreshBlockedUntil: string | null;
}

const COLUMNS = `connection_id AS connectionId, watermark, last_success_at AS lastSuccessAt,
  last_new_data_at AS lastNewDataAt, last_attempt_at AS lastAttemptAt,
  consecutive_failures AS consecutiveFailures, last_error_code AS lastErrorCode,
  refresh_blocked_until AS refreshBlockedUntil`;

export function getSyncState(db: Db, connectionId: string): SyncState {
  const row = prepared(db, `SELECT ${COLUMNS} FROM sync_state WHERE connection_id = ?`).get(connectionId) as
    SyncState | undefined;
  return (
    row ?? {
      connectionId,
      watermark: null,
      lastSuccessAt: null,
      lastNewDataAt: null,
      lastAttemptAt: null,
      consecutiveFailures: 0,
      lastErrorCode: null,
      refreshBlockedUntil: null,
    }
  );
}

export function listSyncStates(db: Db): Map<string, SyncState> {
  const rows = prepared(db, `SELECT ${COLUMNS} FROM sync_state`).all() as SyncState[];
  return new Map(rows.map((r) => [r.connectionId, r]));
}

const ENSURE_SQL = 'INSERT INTO sync_state (connection_id) VALUES (?) ON CONFLICT (connection_id) DO NOTHING';

export interface SyncSuccess {
  at: string;
  /** The new watermark; keeps the old one when the run read nothing newer. */
  watermark: string | null;
  newData: boolean;
}

/** A complete run: advance the watermark, reset the failure count. */
export function recordSyncSuccess(db: Db, connectionId: string, success: SyncSuccess): void {
  prepared(db, ENSURE_SQL).run(connectionId);
  prepared(
    db,
    `UPDATE sync_state SET
       watermark = CASE WHEN @watermark IS NOT NULL AND (watermark IS NULL OR @watermark > watermark)
                        THEN @watermark ELSE watermark END,
       last_success_at = @at, last_attempt_at = @at, consecutive_failures = 0, last_error_code = NULL,
       last_new_data_at = CASE WHEN @newData = 1 THEN @at ELSE last_new_data_at END
     WHERE connection_id = @connectionId`,
  ).run({ connectionId, at: success.at, watermark: success.watermark, newData: success.newData ? 1 : 0 });
}

/** A failed run: count it; returns the failures in a row, this one included. */
export function recordSyncFailure(db: Db, connectionId: string, at: string, errorCode: string): number {
  prepared(db, ENSURE_SQL).run(connectionId);
  const row = prepared(
    db,
    `UPDATE sync_state SET last_attempt_at = ?, consecutive_failures = consecutive_failures + 1,
       last_error_code = ? WHERE connection_id = ? RETURNING consecutive_failures AS n`,
  ).get(at, errorCode, connectionId) as { n: number };
  return row.n;
}

export function setRefreshBlockedUntil(db: Db, connectionId: string, until: string | null): void {
  prepared(db, ENSURE_SQL).run(connectionId);
  prepared(db, 'UPDATE sync_state SET refresh_blocked_until = ? WHERE connection_id = ?').run(
    until,
    connectionId,
  );
}
