// Test helper: a raw SQL connection with the key, as someone editing the file outside the app would use.
import Database from 'better-sqlite3-multiple-ciphers';

export function plainConnection(file: string, key: Buffer): Database.Database {
  const db = new Database(file);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  return db;
}
