// In-app notices: add (deduplicated while active), list, dismiss.
import { z } from 'zod';
import type { Db } from './db';
import { nowIso, prepared } from './prepared';
import { parseInput } from './parse-input';

export const NoticeLevel = z.enum(['info', 'warning', 'error']);
export type NoticeLevel = z.infer<typeof NoticeLevel>;

export interface Notice {
  id: number;
  createdAt: string;
  level: NoticeLevel;
  kind: string;
  connectionId: string | null;
  /** i18n key of the text; `params` fill its placeholders. */
  messageKey: string;
  params: Record<string, unknown> | null;
  dedupeKey: string | null;
  dismissedAt: string | null;
}

export interface NewNotice {
  level: NoticeLevel;
  kind: string;
  messageKey: string;
  connectionId?: string;
  params?: Record<string, unknown>;
  /** While a notice with this key is not dismissed, adding another returns the existing one. */
  dedupeKey?: string;
  at?: string;
}

const COLUMNS = `id, created_at AS createdAt, level, kind, connection_id AS connectionId, message_key AS messageKey,
  params, dedupe_key AS dedupeKey, dismissed_at AS dismissedAt`;

interface NoticeRow extends Omit<Notice, 'params'> {
  params: string | null;
}

function fromRow(row: NoticeRow): Notice {
  return { ...row, params: row.params === null ? null : (JSON.parse(row.params) as Record<string, unknown>) };
}

export interface AddNoticeResult {
  notice: Notice;
  /** False when an active notice with the same dedupe key already existed. */
  created: boolean;
}

export function addNotice(db: Db, input: NewNotice): AddNoticeResult {
  const level = parseInput(NoticeLevel, input.level, 'notice level');
  return db
    .transaction((): AddNoticeResult => {
      if (input.dedupeKey !== undefined) {
        const existing = prepared(
          db,
          `SELECT ${COLUMNS} FROM notices WHERE dedupe_key = ? AND dismissed_at IS NULL`,
        ).get(input.dedupeKey) as NoticeRow | undefined;
        if (existing) return { notice: fromRow(existing), created: false };
      }
      const result = prepared(
        db,
        `INSERT INTO notices (created_at, level, kind, connection_id, message_key, params, dedupe_key)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.at ?? nowIso(),
        level,
        input.kind,
        input.connectionId ?? null,
        input.messageKey,
        input.params === undefined ? null : JSON.stringify(input.params),
        input.dedupeKey ?? null,
      );
      const row = prepared(db, `SELECT ${COLUMNS} FROM notices WHERE id = ?`).get(
        Number(result.lastInsertRowid),
      ) as NoticeRow;
      return { notice: fromRow(row), created: true };
    })
    .immediate();
}

export interface ListNoticesOptions {
  includeDismissed?: boolean;
  limit?: number;
}

/** Newest first. */
export function listNotices(db: Db, options: ListNoticesOptions = {}): Notice[] {
  const where = options.includeDismissed ? '' : 'WHERE dismissed_at IS NULL';
  const limit = Math.max(1, Math.min(options.limit ?? 100, 1000));
  const rows = prepared(db, `SELECT ${COLUMNS} FROM notices ${where} ORDER BY id DESC LIMIT ?`).all(
    limit,
  ) as NoticeRow[];
  return rows.map(fromRow);
}

/** False when the notice was unknown or already dismissed. */
export function dismissNotice(db: Db, id: number, at: string = nowIso()): boolean {
  return (
    prepared(db, 'UPDATE notices SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL').run(at, id)
      .changes > 0
  );
}

/** Dismisses every active notice (optionally only one connection's); returns how many. */
export function dismissAllNotices(db: Db, connectionId?: string, at: string = nowIso()): number {
  if (connectionId === undefined) {
    return prepared(db, 'UPDATE notices SET dismissed_at = ? WHERE dismissed_at IS NULL').run(at).changes;
  }
  return prepared(
    db,
    'UPDATE notices SET dismissed_at = ? WHERE dismissed_at IS NULL AND connection_id = ?',
  ).run(at, connectionId).changes;
}

/** The newest notice with this dedupe key, dismissed or not. */
export function latestNoticeByKey(db: Db, dedupeKey: string): Notice | null {
  const row = prepared(
    db,
    `SELECT ${COLUMNS} FROM notices WHERE dedupe_key = ? ORDER BY id DESC LIMIT 1`,
  ).get(dedupeKey) as NoticeRow | undefined;
  return row ? fromRow(row) : null;
}

/** Replaces a notice's parameters and shows it again (not dismissed, dated `at`); returns it. */
export function reviseNotice(db: Db, id: number, params: Record<string, unknown>, at: string): Notice {
  prepared(db, 'UPDATE notices SET params = ?, created_at = ?, dismissed_at = NULL WHERE id = ?').run(
    JSON.stringify(params),
    at,
    id,
  );
  return fromRow(prepared(db, `SELECT ${COLUMNS} FROM notices WHERE id = ?`).get(id) as NoticeRow);
}

/**
 * Dismisses a connection's active notices of these kinds, because their problem is gone (a sync worked, the
 * bank stopped asking for a code); returns how many.
 */
export function resolveNotices(
  db: Db,
  connectionId: string,
  kinds: readonly string[],
  at: string = nowIso(),
): number {
  if (kinds.length === 0) return 0;
  const marks = kinds.map(() => '?').join(', ');
  return db
    .prepare(
      `UPDATE notices SET dismissed_at = ? WHERE dismissed_at IS NULL AND connection_id = ? AND kind IN (${marks})`,
    )
    .run(at, connectionId, ...kinds).changes;
}

/**
 * Dismisses the active notices whose dedupe key starts with `prefix` (their problem is gone), but the one
 * keyed `except` (the problem that replaced them); returns how many.
 */
export function resolveNoticesByKeyPrefix(
  db: Db,
  prefix: string,
  at: string = nowIso(),
  except: string | null = null,
): number {
  return prepared(
    db,
    `UPDATE notices SET dismissed_at = ? WHERE dismissed_at IS NULL AND substr(dedupe_key, 1, length(?)) = ?
       AND (? IS NULL OR dedupe_key <> ?)`,
  ).run(at, prefix, prefix, except, except).changes;
}
