// Diagnostics: file sizes, rows per table, last vacuum, and an integrity check on demand; plus vacuum.
import { existsSync, statSync } from 'node:fs';
import type { Db } from './db';
import { readUserVersion } from './migrate';
import { nowIso, prepared } from './prepared';
import { isCorruption } from './sqlite-error';

export interface DbStats {
  file: string;
  fileBytes: number;
  walBytes: number;
  pageSize: number;
  pageCount: number;
  freePages: number;
  schemaVersion: number;
  journalMode: string;
  /** Rows per table; -1 when the count hit a damaged page. */
  rows: Record<string, number>;
  lastVacuumAt: string | null;
  /** Only when asked for: ['ok'] or the problems SQLite found (first 20). */
  integrity?: string[];
  foreignKeyProblems?: number;
  /** Reads that failed on damaged pages; absent when none failed. */
  damaged?: string[];
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

function pragmaNumber(db: Db, name: string): number {
  return Number(db.pragma(name, { simple: true }));
}

/** Sizes and counts for the diagnostics screen; `integrity: true` adds a full (slow) integrity check. */
export function dbStats(db: Db, options: { integrity?: boolean } = {}): DbStats {
  const damaged: string[] = [];
  // A damaged page must not hide the rest of the report: the diagnostics screen is where it gets seen.
  const guarded = <T>(what: string, fallback: T, read: () => T): T => {
    try {
      return read();
    } catch (err) {
      if (!isCorruption(err)) throw err;
      damaged.push(`${what}: ${(err as Error).message}`);
      return fallback;
    }
  };
  // FTS5 keeps its index in shadow tables (transactions_fts_data…); their row counts mean nothing to a person.
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE '%_fts_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const rows: Record<string, number> = {};
  for (const t of tables) {
    const sql = `SELECT count(*) FROM "${t.replaceAll('"', '""')}"`;
    rows[t] = guarded(t, -1, () => Number(db.prepare(sql).pluck().get()));
  }
  const meta = prepared(db, `SELECT value FROM store_meta WHERE key = 'last_vacuum_at'`).get() as
    { value: string } | undefined;
  const stats: DbStats = {
    file: db.name,
    fileBytes: fileSize(db.name),
    walBytes: fileSize(`${db.name}-wal`),
    pageSize: pragmaNumber(db, 'page_size'),
    pageCount: pragmaNumber(db, 'page_count'),
    freePages: pragmaNumber(db, 'freelist_count'),
    schemaVersion: readUserVersion(db),
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    rows,
    lastVacuumAt: meta?.value ?? null,
  };
  if (options.integrity) {
    stats.integrity = guarded('integrity_check', ['database disk image is malformed'], () =>
      (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check),
    );
    stats.foreignKeyProblems = guarded(
      'foreign_key_check',
      -1,
      () => (db.pragma('foreign_key_check') as unknown[]).length,
    );
  }
  if (damaged.length > 0) stats.damaged = damaged;
  return stats;
}

/** Rebuilds the file to reclaim free pages, and records when. */
export function vacuumDatabase(db: Db, at: string = nowIso()): void {
  db.exec('VACUUM');
  db.prepare(
    `INSERT INTO store_meta (key, value) VALUES ('last_vacuum_at', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(at);
}
