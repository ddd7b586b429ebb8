// Reads and migrates the SQLite store's schema version (PRAGMA user_version); a read-only look changes nothing.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import Database, { type Database as Db } from 'better-sqlite3-multiple-ciphers';
import { SQLITE_STEPS } from './sqlite-steps';
import {
  latestVersion,
  refuseFromFuture,
  splitSteps,
  stepInfo,
  type MigrationProgress,
  type MigrationReport,
  type SchemaStatus,
} from './step';

export const SQLITE_LATEST = latestVersion(SQLITE_STEPS);

const userVersion = (db: Db) => Number(db.pragma('user_version', { simple: true }));

const HEADER = 'SQLite format 3\0';

/**
 * The file's user_version without writing anything: from the header (bytes 60–63) when no WAL holds newer
 * pages; else through a read-only connection (which would otherwise create the -wal and -shm files).
 */
function readVersion(file: string): number {
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return userVersion(db);
    } finally {
      db.close();
    }
  }
  if (statSync(file).size === 0) return 0;
  const head = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1', 0, 16) !== HEADER) {
    throw new AppError('db_corrupt', `The relay store ${file} is not a SQLite database.`);
  }
  return head.readUInt32BE(60);
}

/** The schema status of a store file; reading it changes nothing (not even -wal/-shm files). */
export function sqliteSchemaStatus(file: string): SchemaStatus {
  const exists = existsSync(file);
  const version = exists ? readVersion(file) : 0;
  const { applied, pending } = splitSteps(SQLITE_STEPS, version);
  return {
    kind: 'sqlite',
    location: file,
    exists,
    version,
    latest: SQLITE_LATEST,
    applied: applied.map(stepInfo),
    pending: pending.map(stepInfo),
  };
}

/** Refuses a store from a newer relay before anything opens it for writing. */
export function refuseSqliteFromFuture(file: string): void {
  if (!existsSync(file)) return;
  const status = sqliteSchemaStatus(file);
  refuseFromFuture('sqlite', status.version, status.latest);
}

/** Applies every pending step in one transaction (all or none), then records the version. */
export function migrateSqliteSchema(db: Db, onProgress?: MigrationProgress): MigrationReport {
  const from = userVersion(db);
  refuseFromFuture('sqlite', from, SQLITE_LATEST);
  const { pending } = splitSteps(SQLITE_STEPS, from);
  if (pending.length === 0) return { from, to: from, applied: [] };
  db.transaction(() => {
    pending.forEach((step, i) => {
      onProgress?.(stepInfo(step), i, pending.length);
      void step.up(db);
    });
    db.pragma(`user_version = ${SQLITE_LATEST}`);
  }).immediate();
  return { from, to: SQLITE_LATEST, applied: pending.map(stepInfo) };
}
