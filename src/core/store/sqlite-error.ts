// Reads the SQLite result code out of a thrown better-sqlite3 error, for mapping to typed AppErrors.
import Database from 'better-sqlite3-multiple-ciphers';

/** The `SQLITE_*` code of a better-sqlite3 error, or undefined for anything else. */
export function sqliteCode(err: unknown): string | undefined {
  if (err instanceof Database.SqliteError) return err.code;
  return undefined;
}

/** True for the codes SQLite uses when it cannot read a file as a database (wrong key, garbage). */
export function isNotADatabase(err: unknown): boolean {
  return sqliteCode(err) === 'SQLITE_NOTADB';
}

/** True for the codes SQLite uses when pages are damaged. */
export function isCorruption(err: unknown): boolean {
  const code = sqliteCode(err);
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB' || code === 'SQLITE_CORRUPT_INDEX';
}
