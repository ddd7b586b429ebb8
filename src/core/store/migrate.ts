// Runs the numbered migrations in one transaction and records the version in PRAGMA user_version.
import { AppError } from '../../shared/errors';
import type { Db } from './db';
import { MIGRATIONS } from './migrations';

export { MIGRATIONS };
import type { Migration } from './migrations/migration';

export type { Migration };

export const LATEST_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export function readUserVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: number[];
}

/** Applies every migration above the current version up to `to`, all or nothing. */
export function migrate(
  db: Db,
  to: number = LATEST_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrateResult {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const from = readUserVersion(db);
  if (from > latest) {
    throw new AppError('db_from_future', 'The database was written by a newer version of Cofre.', {
      details: { version: from, latest },
    });
  }
  if (to < from) {
    throw new AppError('invalid_input', `Cannot migrate down from ${from} to ${to}.`);
  }
  const pending = [...migrations]
    .sort((a, b) => a.version - b.version)
    .filter((m) => m.version > from && m.version <= to);
  if (pending.length === 0) return { from, to: from, applied: [] };
  const last = pending[pending.length - 1]!.version;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version=${last}`);
  }).immediate();
  return { from, to: last, applied: pending.map((m) => m.version) };
}
