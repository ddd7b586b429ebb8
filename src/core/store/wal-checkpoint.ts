// Copies the write-ahead log into the main file at a quiet moment, so a bulk sync is not paused to do it.
import type { Db } from './db';

/**
 * A PASSIVE checkpoint: never waits for a reader or writer, copies what it can. The auto-checkpoint set in
 * open.ts stays as the safety net; this keeps the log short between syncs.
 */
export function checkpointWal(db: Db): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}
