// Copies the write-ahead log into the main file at a quiet moment, so a bulk sync is not paused to do it.
import type { Db } from './db';

export interface CheckpointResult {
  /** Frames in the log, and how many of them are now in the main file. */
  logFrames: number;
  checkpointedFrames: number;
}

/**
 * A PASSIVE checkpoint: never waits for a reader or writer, copies what it can. The auto-checkpoint set in
 * open.ts stays as the safety net; this keeps the log short between syncs.
 */
export function checkpointWal(db: Db): CheckpointResult {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return { logFrames: row?.log ?? 0, checkpointedFrames: row?.checkpointed ?? 0 };
}
