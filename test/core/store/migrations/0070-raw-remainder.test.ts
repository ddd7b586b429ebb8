import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getTransaction,
  getTransactionRaw,
  migrate,
  openDatabase,
  upsertTransactions,
  type Db,
} from '../../../../src/core/store';
import { samplePage, sampleTransaction } from '../sample-data';
import { ACCOUNT_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';
import { insertAsVersion70, withoutNulls } from './version-70-rows';

describe('migration 0070-raw-remainder', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 60 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('shrinks every stored raw object to what no column holds, and gives the same objects back', () => {
    seedConnection(db);
    const page = [
      ...samplePage(0, 2_500, ACCOUNT_ID),
      // Not canonical when received: the column holds the canonical form, raw keeps the text as sent.
      sampleTransaction(9_000, ACCOUNT_ID, { date: '2025-01-05', createdAt: '2025-01-05T10:00:00Z' }),
      sampleTransaction(9_001, ACCOUNT_ID, { status: 'PENDING', currencyCode: null, category: null }),
    ];
    insertAsVersion70(db, page);
    // What versions up to 60 stored: the whole object as received.
    const setRaw = db.prepare('UPDATE transactions SET raw = ? WHERE id = ?');
    db.transaction(() => page.forEach((tx) => setRaw.run(JSON.stringify(tx), tx.id)))();
    const rawBytes = () => Number(db.prepare('SELECT sum(length(raw)) FROM transactions').pluck().get());
    const columnsOf = (id: string) => {
      const { lastSeenAt: _seen, ...columns } = getTransaction(db, id)!;
      return columns;
    };
    const before = rawBytes();
    const storedBefore = page.map((tx) => columnsOf(tx.id));

    migrate(db, 70);

    expect(rawBytes()).toBeLessThan(before * 0.6);
    expect(page.map((tx) => columnsOf(tx.id))).toEqual(storedBefore);
    // The way back and the app's writes read the latest schema (money in centavos, migration 80).
    migrate(db);
    for (const tx of page) expect(getTransactionRaw(db, tx.id)).toEqual(withoutNulls(tx));
    const odd = db.prepare('SELECT raw FROM transactions WHERE id = ?').pluck();
    expect(JSON.parse(odd.get(page[2_500]!.id) as string)).toMatchObject({
      date: '2025-01-05',
      createdAt: '2025-01-05T10:00:00Z',
    });
    // Rows migrated in place compare equal to the same objects read again: nothing looks changed.
    expect(upsertTransactions(db, page)).toEqual({ inserted: 0, updated: 0, unchanged: page.length });
    db.exec(`INSERT INTO transactions_fts(transactions_fts, rank) VALUES ('integrity-check', 1)`);
  });
});
