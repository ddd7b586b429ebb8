import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import {
  balanceOverTime,
  countTransactions,
  buildPageQuery,
  openDatabase,
  pageTransactions,
  spendingByCategory,
  toFtsQuery,
  upsertTransactions,
  type Db,
  type StoredTransaction,
  type TransactionFilter,
} from '../../../src/core/store';
import { samplePage, sampleTransaction } from './sample-data';
import { ACCOUNT_ID, seedConnection } from './seed';
import { tempDb, type TempDb } from './temp-db';

const OTHER = 'acc-2';

describe('transactions queries', () => {
  let t: TempDb;
  let db: Db;
  beforeAll(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db, 'item-1', [ACCOUNT_ID, OTHER]);
    for (let p = 0; p < 4; p++) upsertTransactions(db, samplePage(p * 100, 100, ACCOUNT_ID));
    upsertTransactions(db, samplePage(0, 60, OTHER));
  });
  afterAll(() => {
    db.close();
    t.cleanup();
  });

  function walk(filter: TransactionFilter, limit: number): StoredTransaction[] {
    const all: StoredTransaction[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 1000; guard++) {
      const page = pageTransactions(db, { filter, limit, ...(after ? { after } : {}) });
      all.push(...page.rows);
      if (!page.nextCursor) return all;
      after = page.nextCursor;
    }
    throw new Error('pagination did not end');
  }

  it('walks every row exactly once, newest first, by keyset cursor', () => {
    const rows = walk({}, 37);
    expect(rows).toHaveLength(460);
    expect(new Set(rows.map((r) => r.id)).size).toBe(460);
    const keys = rows.map((r) => `${r.date}|${r.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('filters by account, date range, amount range, type, status and category', () => {
    const byAccount = walk({ accountIds: [OTHER] }, 50);
    expect(byAccount).toHaveLength(60);
    expect(byAccount.every((r) => r.accountId === OTHER)).toBe(true);

    const range = walk({ accountIds: [ACCOUNT_ID], dateFrom: '2025-02-01', dateTo: '2025-02-28' }, 25);
    expect(range).toHaveLength(28 * 3);
    expect(range.every((r) => r.date >= '2025-02-01' && r.date < '2025-03-01')).toBe(true);

    // Centavos: R$ 100,00 to R$ 200,00.
    const amounts = walk({ amountMin: 10_000, amountMax: 20_000 }, 100);
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.every((r) => Math.abs(r.amount) >= 10_000 && Math.abs(r.amount) <= 20_000)).toBe(true);

    const credits = walk({ type: 'CREDIT', categories: ['Transfers'] }, 100);
    expect(credits.length).toBe(countTransactions(db, { type: 'CREDIT' }));
    expect(credits.every((r) => r.type === 'CREDIT' && r.category === 'Transfers')).toBe(true);

    const groceries = walk({ categories: ['Groceries', 'Fuel'] }, 100);
    expect(new Set(groceries.map((r) => r.category))).toEqual(new Set(['Groceries', 'Fuel']));

    expect(walk({ status: 'PENDING' }, 10)).toHaveLength(0);
  });

  it('searches description, merchant and counterparty, ignoring accents and case, by word prefix', () => {
    const padaria = walk({ text: 'PADARIA acucar' }, 100);
    expect(padaria.length).toBeGreaterThan(0);
    expect(padaria.every((r) => r.merchantName === 'Padaria Pão de Açúcar')).toBe(true);
    const people = walk({ text: 'oliv', accountIds: [ACCOUNT_ID] }, 100);
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((r) => r.counterpartyName === 'Maria Oliveira')).toBe(true);
    expect(countTransactions(db, { text: 'oliv', accountIds: [ACCOUNT_ID] })).toBe(people.length);
  });

  it('treats FTS syntax typed by a person as plain words', () => {
    expect(toFtsQuery('a" OR description:*')).toBe('"a"* AND "OR"* AND "description"*');
    expect(() => pageTransactions(db, { filter: { text: '"unbalanced AND (NEAR' } })).not.toThrow();
    expect(pageTransactions(db, { filter: { text: '*** ---' } }).rows).toEqual([]);
  });

  it('rejects a forged cursor and an out-of-range limit', () => {
    expect(() => pageTransactions(db, { after: 'not-a-cursor' })).toThrow(AppError);
    expect(() => pageTransactions(db, { limit: 100_000 })).toThrow();
  });

  it('pages by key ranges: no sort step, no full scan, also for text search', () => {
    const cursor = pageTransactions(db, { limit: 5 }).nextCursor!;
    const cases: TransactionFilter[] = [
      {},
      { accountIds: [ACCOUNT_ID] },
      { dateFrom: '2025-01-01', dateTo: '2025-01-31' },
      { text: 'padaria' },
      { text: 'padaria', accountIds: [ACCOUNT_ID] },
    ];
    for (const filter of cases) {
      const q = buildPageQuery({ filter, after: cursor, limit: 10 })!;
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.args) as { detail: string }[];
      const text = plan.map((p) => p.detail).join('\n');
      expect(text, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE/);
      expect(text, JSON.stringify(filter)).toMatch(
        /INTEGER PRIMARY KEY|INDEX transactions_by_account|VIRTUAL TABLE/,
      );
    }
  });

  it('sums spending by category for one month in SQL', () => {
    const rows = spendingByCategory(db, { month: '2025-02', accountIds: [ACCOUNT_ID] });
    const feb = walk({ accountIds: [ACCOUNT_ID], dateFrom: '2025-02-01', dateTo: '2025-02-28' }, 500);
    const expected = new Map<string | null, number>();
    for (const r of feb)
      if (r.type === 'DEBIT') expected.set(r.category, (expected.get(r.category) ?? 0) + Math.abs(r.amount));
    for (const row of rows.filter((r) => r.outflow > 0)) {
      expect(row.outflow).toBe(expected.get(row.category) ?? 0);
      expect(Number.isInteger(row.outflow)).toBe(true);
    }
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(feb.length);
    expect(rows[0]!.outflow).toBeGreaterThanOrEqual(rows[rows.length - 1]!.outflow);
    expect(() => spendingByCategory(db, { month: '2025-13' })).toThrow();
  });
});

describe('balance over time', () => {
  it('walks back from the current balance using DEBIT/CREDIT, whatever the amount sign', () => {
    const t = tempDb();
    const db = openDatabase({ file: t.file, key: t.key });
    try {
      seedConnection(db); // balance 1000
      const tx = (n: number, date: string, type: 'DEBIT' | 'CREDIT', amount: number) =>
        sampleTransaction(n, ACCOUNT_ID, { date: `${date}T03:00:00.000Z`, type, amount });
      upsertTransactions(db, [
        tx(1, '2025-03-01', 'DEBIT', -100),
        tx(2, '2025-03-02', 'CREDIT', 300),
        tx(3, '2025-03-02', 'DEBIT', 50), // unsigned debit: still money out
        tx(4, '2025-03-04', 'DEBIT', -25),
      ]);
      expect(balanceOverTime(db, { accountId: ACCOUNT_ID, from: '2025-03-01', to: '2025-03-03' })).toEqual([
        { day: '2025-03-01', balance: 77_500 },
        { day: '2025-03-02', balance: 102_500 },
      ]);
      expect(() => balanceOverTime(db, { accountId: 'nope', from: '2025-03-01', to: '2025-03-03' })).toThrow(
        AppError,
      );
    } finally {
      db.close();
      t.cleanup();
    }
  });
});
