// Sync runs: one row per sync attempt of a connection, started and finished by the sync engine.
import { z } from 'zod';
import { SyncReason } from '../../shared/contract/calls/connections';
import type { Db } from './db';
import { nowIso, prepared } from './prepared';
import { parseInput } from './parse-input';

// The reasons are the contract's: the renderer shows them in the sync history.
export { SyncReason };

export const SyncOutcome = z.enum(['running', 'success', 'partial', 'failed', 'cancelled', 'interrupted']);
export type SyncOutcome = z.infer<typeof SyncOutcome>;

export const SyncCounts = z.object({
  accounts: z.number().int().nonnegative().default(0),
  inserted: z.number().int().nonnegative().default(0),
  updated: z.number().int().nonnegative().default(0),
  unchanged: z.number().int().nonnegative().default(0),
  removed: z.number().int().nonnegative().default(0),
  pages: z.number().int().nonnegative().default(0),
  /** Transactions Pluggy sent that could not be read (left out; the run still succeeds, with a warning). */
  skipped: z.number().int().nonnegative().optional(),
  /** Accounts Pluggy listed that could not be read. */
  skippedAccounts: z.number().int().nonnegative().optional(),
});
export type SyncCounts = z.infer<typeof SyncCounts>;

export interface SyncRun {
  id: number;
  connectionId: string;
  reason: SyncReason;
  startedAt: string;
  finishedAt: string | null;
  outcome: SyncOutcome;
  counts: SyncCounts | null;
  errorCode: string | null;
  errorMessage: string | null;
}

const COLUMNS = `id, connection_id AS connectionId, reason, started_at AS startedAt, finished_at AS finishedAt,
  outcome, counts, error_code AS errorCode, error_message AS errorMessage`;

interface SyncRunRow extends Omit<SyncRun, 'counts'> {
  counts: string | null;
}

function fromRow(row: SyncRunRow): SyncRun {
  return { ...row, counts: row.counts === null ? null : SyncCounts.parse(JSON.parse(row.counts)) };
}

/** Records the start of a run; returns its id. */
export function startSyncRun(
  db: Db,
  connectionId: string,
  reason: SyncReason,
  at: string = nowIso(),
  /** The process that runs it (sync-leases.ts): when that process dies, the next opener interrupts it. */
  owner: string | null = null,
): number {
  parseInput(SyncReason, reason, 'sync reason');
  const result = prepared(
    db,
    'INSERT INTO sync_runs (connection_id, reason, started_at, owner) VALUES (?, ?, ?, ?)',
  ).run(connectionId, reason, at, owner);
  return Number(result.lastInsertRowid);
}

export interface FinishSyncRun {
  outcome: Exclude<SyncOutcome, 'running'>;
  counts?: Partial<SyncCounts>;
  errorCode?: string;
  /** Must already be free of secrets (it is shown in the UI and diagnostics). */
  errorMessage?: string;
  at?: string;
}

/** A run reserved to follow another takes the reason of the trigger that needs the most of it. */
export function setSyncRunReason(db: Db, id: number, reason: SyncReason): void {
  parseInput(SyncReason, reason, 'sync reason');
  prepared(db, `UPDATE sync_runs SET reason = ? WHERE id = ? AND outcome = 'running'`).run(reason, id);
}

/** Closes a run; false when it was not running (already finished or unknown). */
export function finishSyncRun(db: Db, id: number, finish: FinishSyncRun): boolean {
  const outcome = parseInput(SyncOutcome.exclude(['running']), finish.outcome, 'sync outcome');
  const counts = finish.counts ? JSON.stringify(parseInput(SyncCounts, finish.counts, 'sync counts')) : null;
  return (
    prepared(
      db,
      `UPDATE sync_runs SET finished_at = ?, outcome = ?, counts = ?, error_code = ?, error_message = ?
       WHERE id = ? AND outcome = 'running'`,
    ).run(finish.at ?? nowIso(), outcome, counts, finish.errorCode ?? null, finish.errorMessage ?? null, id)
      .changes > 0
  );
}

export function getSyncRun(db: Db, id: number): SyncRun | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM sync_runs WHERE id = ?`).get(id) as SyncRunRow | undefined;
  return row ? fromRow(row) : null;
}

/** The latest runs of a connection, newest first. */
export function listSyncRuns(db: Db, connectionId: string, limit = 20): SyncRun[] {
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM sync_runs WHERE connection_id = ? ORDER BY id DESC LIMIT ?`,
  ).all(connectionId, Math.max(1, Math.min(limit, 500))) as SyncRunRow[];
  return rows.map(fromRow);
}

/** The latest finished run with outcome success or partial: when the connection last synced for real. */
export function lastSuccessfulSyncRun(db: Db, connectionId: string): SyncRun | null {
  const row = prepared(
    db,
    `SELECT ${COLUMNS} FROM sync_runs WHERE connection_id = ? AND outcome IN ('success', 'partial')
     ORDER BY id DESC LIMIT 1`,
  ).get(connectionId) as SyncRunRow | undefined;
  return row ? fromRow(row) : null;
}
