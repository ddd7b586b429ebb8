// Test helper: a DB in the SQLCipher scheme as Cofre wrote it before AEGIS — same schema, rows and audit code.
import Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../../../src/core/audit';
import { migrate, upsertTransactions, type Db } from '../../../src/core/store';
import { keyPragmas, type CipherScheme } from '../../../src/core/store/cipher-scheme';
import { insertAsVersion70 } from './migrations/version-70-rows';
import { samplePage } from './sample-data';
import { ACCOUNT_ID, ITEM_ID, seedConnection } from './seed';

/** A raw connection in the old scheme, configured as the old `openDatabase` did. */
export function legacyConnection(file: string, key: Buffer): Db {
  const db = new Database(file);
  for (const p of keyPragmas('sqlcipher', key.toString('hex'))) db.pragma(p);
  db.pragma('journal_mode=WAL');
  db.pragma('foreign_keys=ON');
  return db;
}

/** Writes `rows` transactions in pages of 500, each page with its audit entry, at schema version `version`. */
export function makeLegacyDb(file: string, key: Buffer, rows: number, version?: number): void {
  const db = legacyConnection(file, key);
  try {
    migrate(db, version);
    seedConnection(db);
    for (let from = 0; from < rows; from += 500) {
      db.transaction(() => {
        const page = samplePage(from, Math.min(500, rows - from), ACCOUNT_ID);
        // Before migration 80 the money columns held reais: rows written as that version stored them.
        const old = version !== undefined && version < 80;
        if (old) insertAsVersion70(db, page);
        const counts = old ? { inserted: page.length } : upsertTransactions(db, page);
        appendAudit(db, {
          actor: 'sync',
          action: 'open_finance.sync.page',
          connectionId: ITEM_ID,
          outcome: 'success',
          details: { from, ...counts },
        });
      })();
    }
  } finally {
    db.close();
  }
}

/** The first of `schemes` whose key pragmas read the file with `key`, or null when none does. */
export function schemeThatOpens(
  file: string,
  key: Buffer,
  schemes: readonly CipherScheme[] = ['aegis', 'sqlcipher'],
): CipherScheme | null {
  for (const scheme of schemes) {
    const db = new Database(file, { readonly: true });
    try {
      for (const p of keyPragmas(scheme, key.toString('hex'))) db.pragma(p);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return scheme;
    } catch {
      // not this scheme (SQLITE_NOTADB): try the next one
    } finally {
      db.close();
    }
  }
  return null;
}
