// Re-encrypts the whole DB under a new key (PRAGMA rekey), which SQLite3MC allows only outside WAL mode.
import { AppError } from '../../shared/errors';
import type { Db } from './db';
import { keyToHex, type DbKeyInput } from './db-key';
import { sqliteCode } from './sqlite-error';

/**
 * Rewrites every page under `newKey`. Needs the only open connection: WAL is switched off for the rekey
 * and back on afterwards. Store the new key (KeyStore) only after this returns.
 */
export function rotateKey(db: Db, newKey: DbKeyInput): void {
  const hex = keyToHex(newKey);
  if (db.inTransaction) throw new AppError('conflict', 'Cannot change the key inside a transaction.');
  let mode: unknown;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    mode = db.pragma('journal_mode=DELETE', { simple: true });
  } catch (err) {
    if (sqliteCode(err) !== 'SQLITE_BUSY') throw err;
    mode = 'busy';
  }
  if (mode !== 'delete') {
    throw new AppError(
      'conflict',
      'Another connection has the database open; close it before changing the key.',
    );
  }
  try {
    db.pragma(`rekey="x'${hex}'"`);
  } finally {
    db.pragma('journal_mode=WAL');
  }
}
