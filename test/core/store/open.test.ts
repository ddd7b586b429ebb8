import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/shared/errors';
import {
  LATEST_VERSION,
  getTransaction,
  openDatabase,
  rotateKey,
  upsertTransactions,
  type Db,
} from '../../../src/core/store';
import { codeOf, fingerprint } from './refused-open';
import { samplePage } from './sample-data';
import { ACCOUNT_ID, seedConnection } from './seed';
import { tempDb, type TempDb } from './temp-db';

describe('openDatabase', () => {
  let t: TempDb;
  let db: Db | undefined;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => {
    db?.close();
    db = undefined;
    t.cleanup();
  });

  it('creates a new database at the latest schema with WAL and foreign keys on', () => {
    db = openDatabase({ file: t.file, key: t.key });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
  });

  it('writes none of the inserted plaintext descriptions to the .db or -wal file', () => {
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
    const page = samplePage(0, 200, ACCOUNT_ID).map((tx, i) => ({
      ...tx,
      description: `Segredo bancario numero ${i} Zyxwv`,
    }));
    upsertTransactions(db, page);
    const needles = ['Segredo bancario', 'Zyxwv', 'Pluggy Bank', 'Conta Corrente', '123.456.789-09'];
    const check = () => {
      for (const f of [t.file, `${t.file}-wal`]) {
        if (!existsSync(f)) continue;
        const bytes = readFileSync(f);
        for (const n of needles) {
          expect(bytes.includes(Buffer.from(n, 'utf8')), `${n} in ${f}`).toBe(false);
          expect(bytes.includes(Buffer.from(n, 'utf16le')), `${n} (utf16) in ${f}`).toBe(false);
        }
      }
    };
    check();
    db.close();
    db = undefined;
    check();
  });

  it('refuses a wrong key with db_wrong_key and leaves the file bytes unchanged', () => {
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
    db.close();
    db = undefined;
    const before = fingerprint(t.file);
    expect(codeOf(() => openDatabase({ file: t.file, key: Buffer.alloc(32, 7) }))).toBe('db_wrong_key');
    expect(codeOf(() => openDatabase({ file: t.file, key: Buffer.alloc(32, 7), readonly: true }))).toBe(
      'db_wrong_key',
    );
    expect(fingerprint(t.file)).toBe(before);
    db = openDatabase({ file: t.file, key: t.key });
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);
  });

  it('never puts the key in the error', () => {
    db = openDatabase({ file: t.file, key: t.key });
    db.close();
    db = undefined;
    const wrong = 'ab'.repeat(32);
    try {
      openDatabase({ file: t.file, key: wrong });
      expect.unreachable();
    } catch (err) {
      expect(JSON.stringify((err as AppError).toJSON())).not.toContain(wrong);
      expect(String((err as Error).message)).not.toContain(wrong);
    }
  });

  it('refuses a database from a newer app version with db_from_future and leaves it untouched', () => {
    db = openDatabase({ file: t.file, key: t.key });
    db.pragma(`user_version=${LATEST_VERSION + 10}`);
    db.close();
    db = undefined;
    const before = fingerprint(t.file);
    expect(codeOf(() => openDatabase({ file: t.file, key: t.key }))).toBe('db_from_future');
    expect(fingerprint(t.file)).toBe(before);
  });

  it('reports a truncated file as db_corrupt without touching it', () => {
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
    db.close();
    db = undefined;
    truncateSync(t.file, 4096 + 100);
    const before = fingerprint(t.file);
    expect(codeOf(() => openDatabase({ file: t.file, key: t.key }))).toBe('db_corrupt');
    expect(fingerprint(t.file)).toBe(before);
  });

  it('refuses an unencrypted SQLite file', () => {
    const plain = new Database(t.file);
    plain.exec('CREATE TABLE x (a); INSERT INTO x VALUES (1)');
    plain.close();
    const err = (() => {
      try {
        openDatabase({ file: t.file, key: t.key });
      } catch (e) {
        return e as AppError;
      }
      return undefined;
    })();
    expect(err?.code).toBe('db_corrupt');
    expect(err?.details?.['reason']).toBe('unencrypted');
  });

  it('refuses garbage bytes without altering them', () => {
    writeFileSync(t.file, Buffer.alloc(8192, 0x5a));
    const before = fingerprint(t.file);
    expect(['db_wrong_key', 'db_corrupt']).toContain(
      codeOf(() => openDatabase({ file: t.file, key: t.key })),
    );
    expect(fingerprint(t.file)).toBe(before);
  });

  it('rejects a malformed key before touching the disk', () => {
    expect(codeOf(() => openDatabase({ file: t.file, key: 'not-hex' }))).toBe('invalid_input');
    expect(codeOf(() => openDatabase({ file: t.file, key: Buffer.alloc(16) }))).toBe('invalid_input');
    expect(existsSync(t.file)).toBe(false);
  });

  it('opens read-only and refuses writes there', () => {
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
    db.close();
    db = openDatabase({ file: t.file, key: t.key, readonly: true });
    expect(db.prepare('SELECT count(*) FROM connections').pluck().get()).toBe(1);
    expect(() => db!.exec('DELETE FROM cache')).toThrow(/readonly/i);
    expect(codeOf(() => openDatabase({ file: `${t.dir}/missing.db`, key: t.key, readonly: true }))).toBe(
      'not_found',
    );
  });

  it('rotates the key: the old one stops working, the data stays', () => {
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
    upsertTransactions(db, samplePage(0, 50, ACCOUNT_ID));
    const newKey = Buffer.alloc(32, 9);
    rotateKey(db, newKey);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    upsertTransactions(db, samplePage(50, 10, ACCOUNT_ID));
    db.close();
    db = undefined;
    expect(codeOf(() => openDatabase({ file: t.file, key: t.key }))).toBe('db_wrong_key');
    db = openDatabase({ file: t.file, key: newKey.toString('hex') });
    expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(60);
    expect(getTransaction(db, samplePage(0, 1, ACCOUNT_ID)[0]!.id)).not.toBeNull();
  });

  it('refuses to rotate the key while another connection is open', () => {
    db = openDatabase({ file: t.file, key: t.key });
    const other = openDatabase({ file: t.file, key: t.key });
    try {
      other.prepare('SELECT count(*) FROM connections').get();
      expect(codeOf(() => rotateKey(db!, Buffer.alloc(32, 3)))).toBe('conflict');
    } finally {
      other.close();
    }
    db.close();
    db = openDatabase({ file: t.file, key: t.key });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });
});
