import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import type { Transaction } from '../../../src/shared/pluggy';
import {
  getTransaction,
  getTransactionRaw,
  latestTransactionCreatedAt,
  markTransactionsRemoved,
  openDatabase,
  pageTransactions,
  upsertTransactions,
  type Db,
} from '../../../src/core/store';
import { samplePage, sampleTransaction } from './sample-data';
import { ACCOUNT_ID, seedConnection } from './seed';
import { tempDb, type TempDb } from './temp-db';

describe('transactions upsert', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  const count = () => db.prepare('SELECT count(*) FROM transactions').pluck().get();
  const snapshot = () => db.prepare('SELECT * FROM transactions ORDER BY id').all();

  it('inserts a page and reports every row inserted', () => {
    const counts = upsertTransactions(db, samplePage(0, 300, ACCOUNT_ID), {
      seenAt: '2025-03-02T00:00:00.000Z',
    });
    expect(counts).toEqual({ inserted: 300, updated: 0, unchanged: 0 });
    expect(count()).toBe(300);
  });

  it('upserting the same page twice changes nothing and reports all rows unchanged', () => {
    const page = samplePage(0, 250, ACCOUNT_ID);
    const seenAt = '2025-03-02T00:00:00.000Z';
    upsertTransactions(db, page, { seenAt });
    const before = snapshot();
    const changesBefore = db.prepare('SELECT total_changes()').pluck().get() as number;
    expect(upsertTransactions(db, page, { seenAt })).toEqual({ inserted: 0, updated: 0, unchanged: 250 });
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
    expect(snapshot()).toEqual(before);
  });

  it('a later sync that sees the same rows only advances last_seen_at', () => {
    const page = samplePage(0, 10, ACCOUNT_ID);
    upsertTransactions(db, page, { seenAt: '2025-03-02T00:00:00.000Z' });
    expect(upsertTransactions(db, page, { seenAt: '2025-03-05T00:00:00.000Z' })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 10,
    });
    const row = getTransaction(db, page[0]!.id)!;
    expect(row.lastSeenAt).toBe('2025-03-05T00:00:00.000Z');
    expect(row.changedAt).toBe('2025-03-02T00:00:00.000Z');
    expect(row.firstSeenAt).toBe('2025-03-02T00:00:00.000Z');
  });

  it('never moves last_seen_at backwards, even when an older read writes a changed copy', () => {
    const page = samplePage(0, 2, ACCOUNT_ID);
    upsertTransactions(db, page, { seenAt: '2025-03-05T00:00:00.000Z' });
    const older = [{ ...page[0]!, description: 'cópia antiga' }, page[1]!];
    upsertTransactions(db, older, { seenAt: '2025-03-02T00:00:00.000Z' });
    expect(getTransaction(db, page[0]!.id)!.lastSeenAt).toBe('2025-03-05T00:00:00.000Z');
    expect(getTransaction(db, page[1]!.id)!.lastSeenAt).toBe('2025-03-05T00:00:00.000Z');
  });

  it('updates changed rows, inserts new ones, never duplicates a Pluggy id', () => {
    upsertTransactions(db, samplePage(0, 20, ACCOUNT_ID));
    const next = samplePage(10, 20, ACCOUNT_ID);
    next[0] = { ...next[0]!, description: 'Descrição corrigida', category: 'Health' };
    next[1] = { ...next[1]!, status: 'PENDING' };
    expect(upsertTransactions(db, next)).toEqual({ inserted: 10, updated: 2, unchanged: 8 });
    expect(count()).toBe(30);
    const fixed = getTransaction(db, next[0].id)!;
    expect(fixed.description).toBe('Descrição corrigida');
    expect(fixed.category).toBe('Health');
    expect(getTransaction(db, next[1].id)!.status).toBe('PENDING');
    expect(pageTransactions(db, { filter: { text: 'corrigida' } }).rows.map((r) => r.id)).toEqual([
      next[0].id,
    ]);
  });

  it('moves a row in the list when its date changes, and search follows it', () => {
    const page = samplePage(0, 6, ACCOUNT_ID);
    upsertTransactions(db, page);
    const moved = { ...page[5]!, date: '2025-03-10T03:00:00.000Z', status: 'POSTED' };
    expect(upsertTransactions(db, [moved])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(pageTransactions(db, { limit: 1 }).rows[0]!.id).toBe(moved.id);
    const text = moved.description.split(' ')[1]!;
    expect(pageTransactions(db, { filter: { text, dateFrom: '2025-03-10' } }).rows.map((r) => r.id)).toEqual([
      moved.id,
    ]);
    db.exec(`INSERT INTO transactions_fts(transactions_fts, rank) VALUES ('integrity-check', 1)`);
  });

  it('takes the last copy when a page repeats an id', () => {
    const [a] = samplePage(0, 1, ACCOUNT_ID);
    const counts = upsertTransactions(db, [a!, { ...a!, description: 'Segunda cópia' }]);
    expect(counts).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    expect(getTransaction(db, a!.id)!.description).toBe('Segunda cópia');
    expect(count()).toBe(1);
    db.exec(`INSERT INTO transactions_fts(transactions_fts, rank) VALUES ('integrity-check', 1)`);
  });

  it('keeps every field Pluggy sent a value for, including fields it does not index', () => {
    const tx = { ...sampleTransaction(1, ACCOUNT_ID), someFutureField: { a: 1, b: null } };
    upsertTransactions(db, [tx]);
    const withoutNulls = JSON.parse(JSON.stringify(tx, (_k, v: unknown) => (v === null ? undefined : v)));
    expect(getTransactionRaw(db, tx.id)).toEqual(withoutNulls);
    // Each field is stored once: what a column holds is not repeated in the raw JSON.
    const raw = db.prepare('SELECT raw FROM transactions WHERE id = ?').pluck().get(tx.id) as string;
    expect(raw).not.toContain(tx.description);
    expect(raw).not.toContain('null');
  });

  it('tells a change in any one field, folded into a column or not, from no change', () => {
    const base = sampleTransaction(2, ACCOUNT_ID);
    upsertTransactions(db, [base]);
    const changes: Partial<Transaction>[] = [
      { amount: base.amount - 0.01 },
      { description: `${base.description}!` },
      { status: 'PENDING' },
      { category: null },
      { currencyCode: 'USD' },
      { createdAt: '2025-02-27T11:00:00.000Z' },
      { descriptionRaw: 'COMPRA' },
      { merchant: { ...base.merchant!, cnpj: '98.765.432/0001-10' } },
    ];
    for (const change of changes) {
      const changed = { ...base, ...change };
      expect(upsertTransactions(db, [changed]), JSON.stringify(change)).toMatchObject({ updated: 1 });
      expect(upsertTransactions(db, [changed])).toMatchObject({ unchanged: 1 });
      expect(getTransactionRaw(db, base.id)).toMatchObject(
        Object.fromEntries(Object.entries(change).filter(([, v]) => v !== null)),
      );
    }
  });

  it('maps the indexed columns from the Pluggy fields', () => {
    const tx = sampleTransaction(4, ACCOUNT_ID, {
      date: '2025-02-10',
      creditCardMetadata: {
        installmentNumber: 2,
        totalInstallments: 6,
        billId: 'bill-9',
        cardNumber: '1234',
      },
    });
    upsertTransactions(db, [tx]);
    const row = getTransaction(db, tx.id)!;
    expect(row.date).toBe('2025-02-10T00:00:00.000Z');
    expect(row.type).toBe('CREDIT');
    expect(row.counterpartyName).toBe('Luiza Ferreira');
    expect(row.paymentMethod).toBe('PIX');
    expect([row.installmentNumber, row.totalInstallments, row.billId, row.cardNumber]).toEqual([
      2,
      6,
      'bill-9',
      '1234',
    ]);
    expect(row.pluggyCreatedAt).toBe(tx.createdAt);
  });

  it('rejects a page with a bad row as a whole, naming the row, and stores nothing of it', () => {
    const page = samplePage(0, 5, ACCOUNT_ID);
    page[3] = { ...page[3]!, date: 'yesterday' };
    expect(() => upsertTransactions(db, page)).toThrow(AppError);
    try {
      upsertTransactions(db, page);
    } catch (err) {
      expect((err as AppError).code).toBe('invalid_input');
      expect((err as AppError).details?.['id']).toBe(page[3].id);
    }
    expect(count()).toBe(0);
  });

  it('rejects transactions of an unknown account without storing any of the page', () => {
    const page = [...samplePage(0, 3, ACCOUNT_ID), sampleTransaction(9, 'acc-unknown')];
    try {
      upsertTransactions(db, page);
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('invalid_input');
    }
    expect(count()).toBe(0);
  });

  it('marks removed ids, hides them from pages, and revives one Pluggy sends again', () => {
    const page = samplePage(0, 5, ACCOUNT_ID);
    upsertTransactions(db, page);
    expect(
      markTransactionsRemoved(db, [page[0]!.id, page[1]!.id, 'unknown'], '2025-03-03T00:00:00.000Z'),
    ).toBe(2);
    expect(markTransactionsRemoved(db, [page[0]!.id])).toBe(0);
    expect(pageTransactions(db).rows).toHaveLength(3);
    expect(pageTransactions(db, { filter: { includeRemoved: true } }).rows).toHaveLength(5);
    expect(upsertTransactions(db, [page[0]!])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(getTransaction(db, page[0]!.id)!.removedAt).toBeNull();
  });

  it('reports the newest Pluggy ingestion time per account as the sync watermark', () => {
    expect(latestTransactionCreatedAt(db, ACCOUNT_ID)).toBeNull();
    upsertTransactions(db, samplePage(0, 30, ACCOUNT_ID));
    expect(latestTransactionCreatedAt(db, ACCOUNT_ID)).toBe('2025-03-01T10:00:00.000Z');
  });

  it('commits with the caller when called inside its transaction, and rolls back with it', () => {
    const page = samplePage(0, 5, ACCOUNT_ID);
    expect(() =>
      db.transaction(() => {
        upsertTransactions(db, page);
        throw new Error('caller failed after the upsert');
      })(),
    ).toThrow('caller failed');
    expect(count()).toBe(0);
    db.transaction(() => upsertTransactions(db, page))();
    expect(count()).toBe(5);
  });
});
