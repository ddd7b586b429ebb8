// Test helper: a raw SQL connection with the key, as someone editing the file outside the app would use.
import Database from 'better-sqlite3-multiple-ciphers';
import { CURRENT_SCHEME, keyPragmas } from '../../../src/core/store/cipher-scheme';

export function plainConnection(file: string, key: Buffer): Database.Database {
  const db = new Database(file);
  for (const p of keyPragmas(CURRENT_SCHEME, key.toString('hex'))) db.pragma(p);
  return db;
}
