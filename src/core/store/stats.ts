// Diagnostics: file sizes, rows per table, last vacuum, and an integrity check on demand; plus vacuum.
import { existsSync, statSync } from 'node:fs';
import type { Db } from './db';
import { readUserVersion } from './migrate';
import { nowIso, prepared } from './prepared';

export interface DbStats {
  file: string;
  fileBytes: number;
  walBytes: number;
  pageSize: number;
  pageCount: number;
  freePages: number;
  schemaVersion: number;
  journalMode: string;
  rows: Record<string, number>;
  lastVacuumAt: string | null;
  /** Only when asked for: 'ok' or the problems SQLite found (first 20). */
  integrity?: string[];
  foreignKeyProblems?: number;
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

function pragmaNumber(db: Db, name: string): number {
  return Number(db.pragma(name, { simple: true }));
}

/** Sizes and counts for the diagnostics screen; `integrity: true` adds a full (slow) integrity check. */
export function dbStats(db: Db, options: { integrity?: boolean } = {}): DbStats {
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
    rows[t] = Number(
      db
        .prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`)
        .pluck()
        .get(),
    );
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
    stats.integrity = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    stats.foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
  }
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
