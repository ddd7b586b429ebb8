import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildPageQuery,
  countTransactions,
  openDatabase,
  pageTransactions,
  upsertTransactions,
  type Db,
  type StoredTransaction,
  type TransactionFilter,
} from '../../../src/core/store';
import { expandFtsQuery, foldWord } from '../../../src/core/store/transactions/fts-expand';
import { samplePage, sampleTransaction } from './sample-data';
import { ACCOUNT_ID, seedConnection } from './seed';
import { tempDb, type TempDb } from './temp-db';

const ACCENTED = 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ';

describe('search by expanded word prefixes', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
    const extra = [
      'Pixel Store',
      'PIX enviado Pixote',
      'Café Ærø Straße',
      'Padaria pão doce',
      'Paçoca Özil',
      ...[...ACCENTED].map((c) => `Letra x${c}z`),
      ...Array.from({ length: 40 }, (_, i) => `Termo p${String(i).padStart(2, '0')}word`),
    ];
    upsertTransactions(db, [
      ...samplePage(0, 300, ACCOUNT_ID),
      ...extra.map((description, i) => sampleTransaction(1000 + i, ACCOUNT_ID, { description })),
    ]);
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  /** Every row the plain prefix query (FTS5's own `word*`) finds, to compare with the expanded one. */
  const byPrefix = (filter: TransactionFilter): string[] => {
    const q = buildPageQuery({ filter, limit: 500 })!;
    return (db.prepare(q.sql).all(...q.args) as StoredTransaction[]).map((r) => r.id);
  };
  const byExpansion = (filter: TransactionFilter): string[] =>
    pageTransactions(db, { filter, limit: 500 }).rows.map((r) => r.id);

  it('folds accented Latin letters exactly as the index does', () => {
    const terms = new Set(db.prepare('SELECT term FROM transactions_fts_vocab').pluck().all() as string[]);
    for (const c of ACCENTED) expect(terms.has(foldWord(`x${c}z`)!), c).toBe(true);
    expect(foldWord('Straße')).toBeNull();
    expect(foldWord('Ærø')).toBeNull();
  });

  it('finds exactly the rows the prefix query finds, for whole words, prefixes and odd letters', () => {
    const texts = [
      'pix',
      'pi',
      'p',
      'PIXE',
      'pad pao',
      'padaria açúcar',
      'acucar',
      'oliv',
      'maria oliveira',
      'compra 01',
      'straße',
      'ærø',
      'café',
      'paçoca öz',
      'termo p1',
      'xÿz',
      'nothing-here',
      'pix zzz',
    ];
    for (const text of texts) {
      const expected = byPrefix({ text });
      expect(byExpansion({ text }), text).toEqual(expected);
      expect(countTransactions(db, { text }), text).toBe(expected.length);
      expect(byExpansion({ text, accountIds: [ACCOUNT_ID] }), text).toEqual(
        byPrefix({ text, accountIds: [ACCOUNT_ID] }),
      );
    }
  });

  it('uses whole terms where it can and the prefix form where it must', () => {
    expect(expandFtsQuery(db, 'padaria')).toBe('"padaria"');
    expect(expandFtsQuery(db, 'pix')).toBe('("pix" OR "pixel" OR "pixote")');
    expect(expandFtsQuery(db, 'Straße')).toBe('"Straße"*');
    expect(expandFtsQuery(db, 'p')).toBe('"p"*'); // more terms than the OR is worth
    expect(expandFtsQuery(db, 'zzz')).toBeNull();
    expect(expandFtsQuery(db, '*** ---')).toBeNull();
  });

  it('keeps the page plan on the index order with an expanded query', () => {
    const cursor = pageTransactions(db, { limit: 5 }).nextCursor!;
    const q = buildPageQuery({ filter: { text: 'pix' }, after: cursor, limit: 10 }, db)!;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.args) as { detail: string }[])
      .map((p) => p.detail)
      .join('\n');
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(plan).toMatch(/VIRTUAL TABLE/);
  });
});
