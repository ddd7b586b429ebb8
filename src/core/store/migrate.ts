// Runs the numbered migrations in one transaction and records the version in PRAGMA user_version.
import { AppError } from '../../shared/errors';
import type { Db } from './db';
import { MIGRATIONS } from './migrations';

export { MIGRATIONS };
import type { Migration, MigrationContext } from './migrations/migration';
import type { StoreProgressListener } from './store-progress';

export type { Migration, MigrationContext };

export const LATEST_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export function readUserVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: number[];
}

export interface MigrateOptions {
  migrations?: readonly Migration[];
  onProgress?: StoreProgressListener | undefined;
}

/** Applies every migration above the current version up to `to`, all or nothing. */
export function migrate(db: Db, to: number = LATEST_VERSION, options: MigrateOptions = {}): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
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
  const onProgress = options.onProgress ?? (() => {});
  db.transaction(() => {
    pending.forEach((m, index) => {
      const migration = { version: m.version, name: m.name };
      const share = (fraction: number): number => (index + fraction) / pending.length;
      let reported = -1;
      const ctx: MigrationContext = {
        progress(done, total) {
          // Whole percents only: a million-row rewrite reports a hundred times, not once a batch.
          const percent = Math.floor(share(total > 0 ? done / total : 1) * 100);
          if (percent === reported) return;
          reported = percent;
          onProgress({ task: 'migrate', fraction: percent / 100, migration });
        },
      };
      ctx.progress(0, 1);
      m.up(db, ctx);
    });
    db.pragma(`user_version=${last}`);
  }).immediate();
  onProgress({ task: 'migrate', fraction: 1 });
  return { from, to: last, applied: pending.map((m) => m.version) };
}
