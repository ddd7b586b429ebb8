// Opens the encrypted DB: checks key, damage and schema version before anything writes, then pragmas and migrations.
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/append';
import { CURRENT_SCHEME, keyPragmas, type CipherScheme } from './cipher-scheme';
import { convertToAegis, removeConversionLeftovers, type CipherConversion } from './convert-cipher';
import type { Db } from './db';
import { keyToHex, type DbKeyInput } from './db-key';
import { refuseEmptyBesideWal } from './empty-beside-wal';
import { LATEST_VERSION, migrate, readUserVersion, type MigrateResult } from './migrate';
import { isCorruption, isNotADatabase, sqliteCode } from './sqlite-error';
import type { StoreProgressListener } from './store-progress';

export type { Db };

export interface OpenDatabaseOptions {
  file: string;
  key: DbKeyInput;
  readonly?: boolean;
  /** Milliseconds a writer waits for another connection's lock. */
  busyTimeoutMs?: number;
  /** Schema version to migrate to; tests use it to stop at an older version. Default: the latest. */
  migrateTo?: number;
  /** Hears a cipher conversion's and row-rewriting migrations' progress (the CLI prints it). */
  onProgress?: StoreProgressListener;
}

const PAGE_SIZE = 4096; // both schemes' page size; a healthy main file is always a whole number of pages
const AUDIT_VERSION = 30; // the migration that creates audit_log
const PLAIN_HEADER = 'SQLite format 3\0';

/** Opens (creating if needed) the encrypted DB and brings its schema to the latest version. */
export function openDatabase(options: OpenDatabaseOptions): Db {
  return openWith(options, keyToHex(options.key));
}

/**
 * Opens a DB with no encryption at all. Only for the benchmark's plain-vs-encrypted comparison and for
 * tests; the app always calls `openDatabase`.
 */
export function openUnencryptedForBenchmark(options: Omit<OpenDatabaseOptions, 'key'>): Db {
  return openWith(options, null);
}

/** `hexKey` null: no encryption (benchmark only). */
function openWith(options: Omit<OpenDatabaseOptions, 'key'>, hexKey: string | null): Db {
  const { file } = options;
  const readonly = options.readonly ?? false;
  refuseEmptyBesideWal(file);
  const exists = existsSync(file) && statSync(file).size > 0;
  if (!exists && readonly)
    throw new AppError('not_found', 'The database file does not exist.', { details: { file } });
  let scheme: CipherScheme = CURRENT_SCHEME;
  let conversion: CipherConversion | null = null;
  if (hexKey !== null && !readonly) removeConversionLeftovers(file);
  if (exists) {
    checkFileShape(file, hexKey !== null);
    // A read-only probe first: a wrong key or a DB from the future must not leave a single byte changed.
    scheme = hexKey === null ? CURRENT_SCHEME : probeScheme(file, hexKey).scheme;
    if (hexKey !== null && scheme !== CURRENT_SCHEME && !readonly) {
      conversion = convertToAegis(file, hexKey, options.onProgress);
      scheme = CURRENT_SCHEME;
    }
  }
  const db = connect(file, readonly, hexKey === null ? [] : keyPragmas(scheme, hexKey));
  try {
    configure(db, readonly, options.busyTimeoutMs ?? 5000);
    const version = readUserVersion(db);
    if (readonly) {
      if (version !== LATEST_VERSION) {
        throw new AppError('conflict', 'The database needs a migration and cannot be opened read-only.', {
          details: { version, latest: LATEST_VERSION },
        });
      }
    } else {
      const started = performance.now();
      const migrated = migrate(db, options.migrateTo ?? LATEST_VERSION, { onProgress: options.onProgress });
      if (conversion) recordConversion(db, conversion);
      recordMigration(db, migrated, performance.now() - started);
    }
    return db;
  } catch (err) {
    db.close();
    throw mapOpenError(err, file);
  }
}

function connect(file: string, readonly: boolean, pragmas: string[]): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
  } catch (err) {
    throw new AppError('unavailable', 'The database file could not be opened.', {
      details: { file, sqlite: sqliteCode(err) },
      cause: err,
    });
  }
  try {
    for (const p of pragmas) db.pragma(p);
    // Reading the schema forces page 1 through decryption: this is where a wrong key shows.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (err) {
    db.close();
    throw mapOpenError(err, file);
  }
}

export interface DatabaseInspection {
  scheme: CipherScheme;
  /** The schema version (PRAGMA user_version). */
  version: number;
}

/**
 * Reads an existing DB's cipher scheme and schema version without changing a byte; refuses it with the
 * same errors as `openDatabase` (wrong key, damaged, from the future).
 */
export function inspectDatabase(file: string, key: DbKeyInput): DatabaseInspection {
  const hexKey = keyToHex(key);
  if (!existsSync(file) || statSync(file).size === 0)
    throw new AppError('not_found', 'The database file does not exist.', { details: { file } });
  checkFileShape(file, true);
  return probeScheme(file, hexKey);
}

/** The scheme the file opens with: AEGIS first (every DB once converted), then the older SQLCipher one. */
function probeScheme(file: string, hexKey: string): DatabaseInspection {
  try {
    return { scheme: CURRENT_SCHEME, version: probe(file, keyPragmas(CURRENT_SCHEME, hexKey)) };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'db_wrong_key') throw err;
    try {
      return { scheme: 'sqlcipher', version: probe(file, keyPragmas('sqlcipher', hexKey)) };
    } catch (legacyErr) {
      // Neither scheme reads it: the key is wrong (or the file is not a database), as the first error says.
      if (legacyErr instanceof AppError && legacyErr.code === 'db_wrong_key') throw err;
      throw legacyErr;
    }
  }
}

/** An upgrade of an existing DB (not the creation of a new one) leaves its line in the audit log. */
function recordMigration(db: Db, result: MigrateResult, ms: number): void {
  if (result.applied.length === 0 || result.from === 0 || result.to < AUDIT_VERSION) return;
  appendAudit(db, {
    actor: 'system',
    action: 'store.migrated',
    outcome: 'success',
    details: { from: result.from, to: result.to, applied: result.applied, ms: Math.round(ms) },
  });
}

function recordConversion(db: Db, conversion: CipherConversion): void {
  if (readUserVersion(db) < AUDIT_VERSION) return;
  appendAudit(db, {
    actor: 'system',
    action: 'store.cipher.converted',
    outcome: 'success',
    details: { ...conversion, ms: Math.round(conversion.ms) },
  });
}

/** The schema version, read through a read-only connection; a DB from the future is refused here. */
function probe(file: string, pragmas: string[]): number {
  const db = connect(file, true, pragmas);
  try {
    const version = readUserVersion(db);
    if (version > LATEST_VERSION) {
      throw new AppError('db_from_future', 'The database was written by a newer version of Cofre.', {
        details: { version, latest: LATEST_VERSION },
      });
    }
    return version;
  } catch (err) {
    throw mapOpenError(err, file);
  } finally {
    db.close();
  }
}

function configure(db: Db, readonly: boolean, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout=${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('foreign_keys=ON');
  if (!readonly) {
    const mode = db.pragma('journal_mode=WAL', { simple: true });
    if (mode !== 'wal')
      throw new AppError('unavailable', `The database refused WAL mode (got ${String(mode)}).`);
    // NORMAL in WAL survives an app crash (SIGKILL) whole-transaction; only a power cut may lose the last commits.
    db.pragma('synchronous=NORMAL');
    // The sync engine checkpoints when it falls idle (wal-checkpoint.ts), so a first sync of tens of
    // thousands of rows runs without pausing ~250 ms to copy the log; the auto-checkpoint at ~160 MB is
    // the safety net for a bulk load longer than that. The WAL file is trimmed to 64 MB after a checkpoint.
    db.pragma('wal_autocheckpoint=40000');
    db.pragma('journal_size_limit=67108864');
  }
  db.pragma('cache_size=-64000');
  db.pragma('temp_store=MEMORY');
}

function checkFileShape(file: string, encrypted: boolean): void {
  const size = statSync(file).size;
  if (size % PAGE_SIZE !== 0) {
    throw new AppError('db_corrupt', 'The database file is damaged (truncated or padded).', {
      details: { file, size },
    });
  }
  if (!encrypted) return;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    if (head.toString('latin1') === PLAIN_HEADER) {
      throw new AppError('db_corrupt', 'The database file is not encrypted; Cofre will not use it.', {
        details: { file, reason: 'unencrypted' },
      });
    }
  } finally {
    closeSync(fd);
  }
}

function mapOpenError(err: unknown, file: string): unknown {
  if (err instanceof AppError) return err;
  if (isNotADatabase(err)) {
    return new AppError('db_wrong_key', 'The database could not be decrypted with this key.', {
      details: { file },
      cause: err,
    });
  }
  if (isCorruption(err)) {
    return new AppError('db_corrupt', 'The database file is damaged.', { details: { file }, cause: err });
  }
  return new AppError('unavailable', 'The database could not be opened.', {
    details: { file, sqlite: sqliteCode(err) },
    cause: err,
  });
}
