// Puts a verified backup in place: the current DB is kept aside until the restored one opens and migrates.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/append';
import { setAppState } from '../store/app-state';
import { keyPragmas } from '../store/cipher-scheme';
import type { Db } from '../store/db';
import { openDatabase } from '../store/open';
import { sqliteCode } from '../store/sqlite-error';
import type { BackupManifest } from './backup-manifest';
import { moveVerified, type VerifiedBackup } from './verify-backup';

/** app_state key of the last backup's time, which the reminder reads. */
export const LAST_BACKUP_KEY = 'backup.last';

/** A verified backup waiting for the next start (the app cannot swap the DB it has open). */
export const PENDING_SUFFIX = '.restore-pending';
/** The data from before a restore, until the restored DB has opened. */
export const ASIDE_SUFFIX = '.before-restore';
const SIDE_FILES = ['', '-wal', '-shm'];

export interface RestorePlace {
  dbFile: string;
  settingsFile: string;
}

/** Stages a verified backup beside the DB; `applyPendingRestore` puts it in place at the next start. */
export function stageRestore(verified: VerifiedBackup, place: RestorePlace): void {
  const settingsPending = `${place.settingsFile}${PENDING_SUFFIX}`;
  if (verified.settings) writeReplacing(settingsPending, verified.settings);
  else rmSync(settingsPending, { force: true });
  writeReplacing(
    `${place.dbFile}${PENDING_SUFFIX}.json`,
    Buffer.from(JSON.stringify(summary(verified.manifest))),
  );
  // The DB last: its presence is what says a restore is pending.
  moveVerified(verified, `${place.dbFile}${PENDING_SUFFIX}`);
}

export function pendingRestore(dbFile: string): boolean {
  return existsSync(`${dbFile}${PENDING_SUFFIX}`);
}

/** Applies a staged restore, if any; returns whether one was applied. */
export function applyPendingRestore(place: RestorePlace, key: Buffer): boolean {
  const staged = `${place.dbFile}${PENDING_SUFFIX}`;
  if (!existsSync(staged)) return false;
  const settingsPending = `${place.settingsFile}${PENDING_SUFFIX}`;
  const infoFile = `${place.dbFile}${PENDING_SUFFIX}.json`;
  applyRestore({
    ...place,
    restoredFile: staged,
    settingsFrom: settingsPending,
    key,
    how: 'staged',
    details: readInfo(infoFile),
  });
  rmSync(settingsPending, { force: true });
  rmSync(infoFile, { force: true });
  return true;
}

function readInfo(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // Only the audit entry's details come from it; the restore itself was verified when staged.
    return {};
  }
}

export interface ApplyRestoreOptions extends RestorePlace {
  /** The verified DB, already under `key`, on the same disk as `dbFile`. */
  restoredFile: string;
  /** A file holding the backup's settings, or null when it had none. */
  settingsFrom: string | null;
  key: Buffer;
  how: 'staged' | 'direct';
  /** What the audit entry says about the backup (its summary). */
  details: Record<string, unknown>;
}

/**
 * Every step can be undone until the restored DB has opened (and migrated): then the old data goes.
 * A kill in between leaves the old data under `.before-restore`, never deleted by a later start.
 */
export function applyRestore(options: ApplyRestoreOptions): void {
  const { dbFile } = options;
  quiesce(dbFile, options.key);
  const aside = `${dbFile}${ASIDE_SUFFIX}`;
  const moved: string[] = [];
  if (existsSync(dbFile)) {
    for (const s of SIDE_FILES) rmSync(`${aside}${s}`, { force: true });
    for (const s of SIDE_FILES) {
      if (existsSync(`${dbFile}${s}`)) {
        renameSync(`${dbFile}${s}`, `${aside}${s}`);
        moved.push(s);
      }
    }
  }
  try {
    renameSync(options.restoredFile, dbFile);
    syncDir(dirname(dbFile));
    const db = openDatabase({ file: dbFile, key: options.key });
    try {
      audit(db, options);
    } finally {
      db.close();
    }
  } catch (error) {
    for (const s of SIDE_FILES) rmSync(`${dbFile}${s}`, { force: true });
    for (const s of moved) renameSync(`${aside}${s}`, `${dbFile}${s}`);
    throw error;
  }
  if (options.settingsFrom && existsSync(options.settingsFrom)) {
    renameSync(options.settingsFrom, options.settingsFile);
  }
  for (const s of SIDE_FILES) rmSync(`${aside}${s}`, { force: true });
  syncDir(dirname(dbFile));
}

function audit(db: Db, options: ApplyRestoreOptions): void {
  // The restored data was backed up when its backup was made: the reminder counts from then.
  const createdAt = options.details['createdAt'];
  if (typeof createdAt === 'string') setAppState(db, LAST_BACKUP_KEY, { at: createdAt });
  appendAudit(db, {
    actor: 'user',
    action: 'backup.restored',
    outcome: 'success',
    details: {
      how: options.how,
      ...options.details,
    },
  });
}

export function summary(manifest: BackupManifest): Record<string, unknown> {
  return {
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
    tables: manifest.tables.length,
  };
}

/**
 * Folds the WAL into the current DB and leaves it in rollback mode; refuses while another program (the
 * app) has it open. A DB this key cannot read (the reason for many restores) is moved aside as it is.
 */
function quiesce(dbFile: string, key: Buffer): void {
  if (!existsSync(dbFile)) return;
  let db: Db;
  try {
    db = new Database(dbFile, { fileMustExist: true });
  } catch {
    return;
  }
  try {
    for (const p of keyPragmas('aegis', key.toString('hex'))) db.pragma(p);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    return;
  }
  try {
    db.pragma('busy_timeout=2000');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const mode = db.pragma('journal_mode=DELETE', { simple: true });
    if (mode !== 'delete') throw inUse();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (sqliteCode(error)?.startsWith('SQLITE_BUSY') || sqliteCode(error)?.startsWith('SQLITE_LOCKED'))
      throw inUse(error);
    throw error;
  } finally {
    db.close();
  }
}

function inUse(cause?: unknown): AppError {
  return new AppError('conflict', 'Cofre has the database open; close the app and try again.', {
    messageKey: 'backup.errors.in_use',
    ...(cause === undefined ? {} : { cause }),
  });
}

function writeReplacing(file: string, bytes: Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  renameSync(tmp, file);
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
