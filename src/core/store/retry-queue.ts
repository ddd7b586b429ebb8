// The persistent retry queue: at most one pending retry per (connection, kind), picked up when due.
import type { Db } from './db';
import { nowIso, prepared } from './prepared';

export interface RetryEntry {
  id: number;
  connectionId: string;
  kind: string;
  dueAt: string;
  /** How many times this retry has been scheduled in a row (1 for the first). */
  attempts: number;
  lastErrorCode: string | null;
  payload: unknown;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, connection_id AS connectionId, kind, due_at AS dueAt, attempts, last_error_code AS lastErrorCode,
  payload, created_at AS createdAt, updated_at AS updatedAt`;

interface RetryRow extends Omit<RetryEntry, 'payload'> {
  payload: string | null;
}

function fromRow(row: RetryRow): RetryEntry {
  return { ...row, payload: row.payload === null ? null : (JSON.parse(row.payload) as unknown) };
}

export interface EnqueueRetry {
  connectionId: string;
  kind?: string;
  dueAt: string;
  errorCode?: string;
  payload?: unknown;
  at?: string;
}

/** Schedules (or reschedules, counting one more attempt) a retry; returns the entry. */
export function enqueueRetry(db: Db, retry: EnqueueRetry): RetryEntry {
  const at = retry.at ?? nowIso();
  const kind = retry.kind ?? 'sync';
  prepared(
    db,
    `INSERT INTO retry_queue (connection_id, kind, due_at, attempts, last_error_code, payload, created_at, updated_at)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?)
     ON CONFLICT (connection_id, kind) DO UPDATE SET due_at = excluded.due_at, attempts = attempts + 1,
       last_error_code = excluded.last_error_code, payload = excluded.payload, updated_at = excluded.updated_at`,
  ).run(
    retry.connectionId,
    kind,
    retry.dueAt,
    retry.errorCode ?? null,
    retry.payload === undefined ? null : JSON.stringify(retry.payload),
    at,
    at,
  );
  const row = prepared(db, `SELECT ${COLUMNS} FROM retry_queue WHERE connection_id = ? AND kind = ?`).get(
    retry.connectionId,
    kind,
  ) as RetryRow;
  return fromRow(row);
}

/** Retries due at or before `now`, soonest first. */
export function dueRetries(db: Db, now: string = nowIso(), limit = 100): RetryEntry[] {
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM retry_queue WHERE due_at <= ? ORDER BY due_at, id LIMIT ?`,
  ).all(now, limit) as RetryRow[];
  return rows.map(fromRow);
}

/** When the next retry falls due, for the scheduler's timer; null when the queue is empty. */
export function nextRetryDueAt(db: Db): string | null {
  const row = prepared(db, 'SELECT min(due_at) AS at FROM retry_queue').get() as { at: string | null };
  return row.at;
}

export function listRetries(db: Db, connectionId?: string): RetryEntry[] {
  const rows = (
    connectionId === undefined
      ? prepared(db, `SELECT ${COLUMNS} FROM retry_queue ORDER BY due_at, id`).all()
      : prepared(db, `SELECT ${COLUMNS} FROM retry_queue WHERE connection_id = ? ORDER BY due_at, id`).all(
          connectionId,
        )
  ) as RetryRow[];
  return rows.map(fromRow);
}

/** Removes a retry by id; false when it was already gone. */
export function removeRetry(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM retry_queue WHERE id = ?').run(id).changes > 0;
}

/** Removes a connection's retry of one kind (e.g. after a successful sync); false when there was none. */
export function clearRetry(db: Db, connectionId: string, kind = 'sync'): boolean {
  return (
    prepared(db, 'DELETE FROM retry_queue WHERE connection_id = ? AND kind = ?').run(connectionId, kind)
      .changes > 0
  );
}
