import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  migrate,
  openDatabase,
  pageTransactions,
  upsertTransactions,
  type Db,
} from '../../../../src/core/store';
import { samplePage } from '../sample-data';
import { ACCOUNT_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';

describe('migration 0020-transactions-fts', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 10 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  const search = (text: string) =>
    db
      .prepare(
        `SELECT t.id FROM transactions t JOIN transactions_fts f ON f.rowid = t.rowid WHERE transactions_fts MATCH ?`,
      )
      .pluck()
      .all(text) as string[];

  it('indexes the rows that existed before it, then follows inserts, updates and deletes', () => {
    seedConnection(db);
    // Version-10 rows, written as version 10 knew them (the repositories target the latest schema).
    const insert = db.prepare(
      `INSERT INTO transactions (sort_key, id, account_id, date, amount, type, description, merchant_name,
       first_seen_at, last_seen_at, changed_at, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const old = samplePage(0, 40, ACCOUNT_ID);
    old.forEach((x, i) =>
      insert.run(
        i + 1,
        x.id,
        ACCOUNT_ID,
        x.date,
        x.amount,
        x.type,
        x.description,
        x.merchant?.name ?? null,
        x.date,
        x.date,
        x.date,
        JSON.stringify(x),
      ),
    );
    migrate(db, 20);
    const before = search('padaria');
    expect(before.length).toBe(old.filter((x) => x.merchant?.name?.startsWith('Padaria')).length);
    expect(before.length).toBeGreaterThan(0);

    // The app's writes target the latest schema: the triggers of migration 20 follow them there.
    migrate(db);
    const page = samplePage(100, 1, ACCOUNT_ID);
    upsertTransactions(db, [{ ...page[0]!, description: 'Sorveteria Quindim' }]);
    expect(search('quindim')).toEqual([page[0]!.id]);
    upsertTransactions(db, [{ ...page[0]!, description: 'Sorveteria Brigadeiro' }]);
    expect(search('quindim')).toEqual([]);
    expect(search('brigadeiro')).toEqual([page[0]!.id]);
    db.prepare('DELETE FROM transactions WHERE id = ?').run(page[0]!.id);
    expect(search('brigadeiro')).toEqual([]);
    db.exec(`INSERT INTO transactions_fts(transactions_fts, rank) VALUES ('integrity-check', 1)`);
    migrate(db);
    expect(pageTransactions(db, { filter: { text: 'padaria' } }).rows.length).toBe(before.length);
  });
});
