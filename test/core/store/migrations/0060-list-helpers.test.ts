import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countTransactions,
  listLiveCategories,
  markTransactionsRemoved,
  migrate,
  openDatabase,
  upsertTransactions,
  type Db,
} from '../../../../src/core/store';
import { samplePage, sampleTransaction } from '../sample-data';
import { ACCOUNT_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';
import { insertAsVersion70 } from './version-70-rows';

const OTHER = 'acc-2';

describe('migration 0060-list-helpers', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 50 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  const scanCount = () =>
    db.prepare('SELECT count(*) FROM transactions WHERE removed_at IS NULL').pluck().get() as number;
  const scanCategories = () =>
    db
      .prepare(
        'SELECT DISTINCT category FROM transactions WHERE category IS NOT NULL AND removed_at IS NULL ORDER BY category',
      )
      .pluck()
      .all() as string[];
  const plan = (sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join('\n');

  it('counts live rows and lists live categories from indexes, matching a full scan through every change', () => {
    seedConnection(db, 'item-1', [ACCOUNT_ID, OTHER]);
    const page = samplePage(0, 120, ACCOUNT_ID);
    page[0] = { ...page[0]!, category: null };
    page[1] = { ...page[1]!, category: 'Only removed' };
    insertAsVersion70(db, [...page, ...samplePage(0, 30, OTHER)]);
    // As version 50 marked them (today's markTransactionsRemoved also writes tables it lacks).
    const remove = db.prepare('UPDATE transactions SET removed_at = ? WHERE id = ?');
    for (const row of [page[1]!, page[2]!, page[3]!]) remove.run('2025-01-01T00:00:00.000Z', row.id);
    const rowsBefore = db.prepare('SELECT * FROM transactions ORDER BY sort_key').all();

    migrate(db, 60);
    expect(db.prepare('SELECT * FROM transactions ORDER BY sort_key').all()).toEqual(rowsBefore);
    expect(countTransactions(db)).toBe(147);
    expect(countTransactions(db)).toBe(scanCount());
    expect(countTransactions(db, { includeRemoved: true })).toBe(150);
    expect(listLiveCategories(db)).toEqual(scanCategories());
    expect(listLiveCategories(db)).not.toContain('Only removed');
    expect(plan('SELECT count(*) FROM transactions WHERE removed_at IS NOT NULL')).toMatch(
      /COVERING INDEX transactions_removed/,
    );
    expect(
      plan('SELECT min(category) FROM transactions WHERE category IS NOT NULL AND removed_at IS NULL'),
    ).toMatch(/transactions_live_categories/);

    // A revived row, a newly removed row, a new category and a cascade delete all show at once (written by
    // the app, which targets the latest schema).
    migrate(db);
    upsertTransactions(db, [page[2]!, sampleTransaction(500, ACCOUNT_ID, { category: 'Zoo' })]);
    markTransactionsRemoved(db, [page[10]!.id]);
    db.prepare('DELETE FROM accounts WHERE id = ?').run(OTHER);
    expect(countTransactions(db)).toBe(scanCount());
    expect(countTransactions(db)).toBe(118);
    expect(listLiveCategories(db)).toEqual(scanCategories());
    expect(listLiveCategories(db)).toContain('Zoo');
  });

  it('exposes the search index terms, folded as the index stores them', () => {
    seedConnection(db);
    insertAsVersion70(db, samplePage(0, 20, ACCOUNT_ID));
    migrate(db, 60);
    const terms = db.prepare('SELECT term FROM transactions_fts_vocab').pluck().all() as string[];
    expect(terms).toContain('acucar');
    expect(terms).toContain('padaria');
    expect(terms).not.toContain('Açúcar');
  });
});
