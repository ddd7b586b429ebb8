// Moves a DB from the SQLCipher scheme to AEGIS: a re-encrypted copy, verified, then renamed over the original.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import { keyPragmas, type CipherScheme } from './cipher-scheme';
import type { Db } from './db';
import type { StoreProgressListener } from './store-progress';

/** The copy being built sits beside the DB; a leftover one is from a conversion that was killed. */
export const CONVERSION_SUFFIX = '.aegis-tmp';

const USER_VERSION = ' user_version'; // no table can be named with a leading space here

export interface CipherConversion {
  from: CipherScheme;
  to: CipherScheme;
  bytes: number;
  rows: number;
  ms: number;
}

/** Deletes what a killed conversion left: never the DB itself, which is whole at every moment. */
export function removeConversionLeftovers(file: string): void {
  const tmp = `${file}${CONVERSION_SUFFIX}`;
  for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) {
    rmSync(f, { force: true });
  }
}

/**
 * Converts `file` (SQLCipher v4, readable with `hexKey`) to AEGIS under the same key. The original is
 * only ever changed by SQLite itself (its WAL folded in) until the verified copy replaces it in one
 * rename, so a kill at any moment leaves either the old file or the new one, each opening with the key.
 */
export function convertToAegis(
  file: string,
  hexKey: string,
  onProgress: StoreProgressListener = () => {},
): CipherConversion {
  const started = performance.now();
  const tmp = `${file}${CONVERSION_SUFFIX}`;
  removeConversionLeftovers(file);
  const report = (fraction: number): void => onProgress({ task: 'convert_cipher', fraction });
  report(0);
  try {
    const counts = copyOriginal(file, hexKey, tmp);
    report(0.4);
    reencrypt(tmp, hexKey);
    report(0.8);
    const rows = verifyCopy(tmp, hexKey, counts);
    toWal(tmp, hexKey);
    report(0.95);
    syncFile(tmp);
    renameSync(tmp, file);
    syncFile(dirname(file));
    report(1);
    return {
      from: 'sqlcipher',
      to: 'aegis',
      bytes: statSync(file).size,
      rows,
      ms: performance.now() - started,
    };
  } catch (err) {
    removeConversionLeftovers(file);
    if (err instanceof AppError) throw err;
    throw new AppError('unavailable', 'The database could not be moved to its new encryption.', {
      details: { file },
      cause: err,
    });
  }
}

function connect(file: string, scheme: CipherScheme, hexKey: string, readonly = false): Db {
  const db = new Database(file, { readonly, fileMustExist: true });
  try {
    for (const p of keyPragmas(scheme, hexKey)) db.pragma(p);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Writes a compact, consistent copy of the original, still in the old scheme. The original stays in WAL mode
 * and is only checkpointed, which the WAL makes safe at any moment: switching it to rollback mode wrote its
 * header through a rollback journal, and a kill then left a hot journal that no read-only probe can open
 * (the app then refused the DB). Closing the last connection folds the WAL in and deletes it; a WAL still
 * there means another program has the DB open, and would be replayed onto the new file after the rename.
 */
function copyOriginal(file: string, hexKey: string, tmp: string): Map<string, number> {
  const db = connect(file, 'sqlcipher', hexKey);
  let counts: Map<string, number>;
  try {
    db.pragma('busy_timeout=5000');
    db.pragma('wal_checkpoint(TRUNCATE)');
    counts = tableCounts(db);
    db.prepare('VACUUM INTO ?').run(tmp);
  } finally {
    db.close();
  }
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) {
    throw new AppError('conflict', 'Another program has the database open; close it and try again.');
  }
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  return counts;
}

/** SQLite3MC rewrites every page under AEGIS; its reserved bytes differ, so it rebuilds through a temp file. */
function reencrypt(tmp: string, hexKey: string): void {
  const db = connect(tmp, 'sqlcipher', hexKey);
  try {
    db.pragma('journal_mode=DELETE');
    db.pragma('temp_store=FILE');
    db.pragma(`cipher='aegis'`);
    db.pragma(`rekey="x'${hexKey}'"`);
  } finally {
    db.close();
  }
}

/**
 * Puts the verified copy in WAL mode, as the app keeps every DB: that switch writes the header through a
 * rollback journal, which is harmless here, beside a file nobody opens yet, and would leave a hot journal
 * on the live DB if the first open after the rename did it and was killed.
 */
function toWal(tmp: string, hexKey: string): void {
  const db = connect(tmp, 'aegis', hexKey);
  try {
    const mode = db.pragma('journal_mode=WAL', { simple: true });
    if (mode !== 'wal')
      throw new AppError('unavailable', `The database refused WAL mode (got ${String(mode)}).`);
  } finally {
    db.close();
  }
}

function verifyCopy(tmp: string, hexKey: string, expected: Map<string, number>): number {
  const db = connect(tmp, 'aegis', hexKey, true);
  try {
    const check = db.pragma('quick_check', { simple: true });
    const counts = tableCounts(db);
    const same =
      [...expected].every(([table, n]) => counts.get(table) === n) && counts.size === expected.size;
    if (check !== 'ok' || !same) {
      throw new AppError('internal', 'The re-encrypted copy of the database did not match the original.', {
        details: { check: String(check) },
      });
    }
    return [...counts].reduce((sum, [table, n]) => (table === USER_VERSION ? sum : sum + n), 0);
  } finally {
    db.close();
  }
}

/** Row counts of every ordinary table, virtual tables' shadow tables included. */
function tableCounts(db: Db): Map<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
    .pluck()
    .all() as string[];
  const counts = new Map<string, number>();
  for (const t of tables) {
    counts.set(
      t,
      Number(
        db
          .prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`)
          .pluck()
          .get(),
      ),
    );
  }
  counts.set(USER_VERSION, Number(db.pragma('user_version', { simple: true })));
  return counts;
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
