import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import {
  deleteConnection,
  getAccount,
  getConnection,
  getConnectionItem,
  listAccounts,
  listConnections,
  markMissingAccountsRemoved,
  openDatabase,
  upsertAccounts,
  upsertConnection,
  upsertTransactions,
  type Db,
} from '../../../src/core/store';
import { sampleAccount, sampleItem, samplePage } from './sample-data';
import { tempDb, type TempDb } from './temp-db';

describe('connections and accounts', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('stores an item, reports unchanged on a repeat and updated on a change', () => {
    const item = sampleItem('item-1');
    expect(upsertConnection(db, item)).toBe('inserted');
    expect(upsertConnection(db, item)).toBe('unchanged');
    const failed = {
      ...item,
      status: 'LOGIN_ERROR',
      executionStatus: 'INVALID_CREDENTIALS',
      error: { code: 'INVALID_CREDENTIALS', message: 'Invalid credentials.' },
    };
    expect(upsertConnection(db, failed)).toBe('updated');
    const stored = getConnection(db, 'item-1')!;
    expect(stored).toMatchObject({
      connectorId: 2,
      connectorName: 'Pluggy Bank',
      status: 'LOGIN_ERROR',
      executionStatus: 'INVALID_CREDENTIALS',
      errorCode: 'INVALID_CREDENTIALS',
      isOpenFinance: false,
      clientUserId: 'user-1',
      lastUpdatedAt: '2025-03-01T12:00:00.000Z',
      archivedAt: null,
    });
    expect(getConnectionItem(db, 'item-1')).toEqual(failed);
    expect(getConnection(db, 'nope')).toBeNull();
  });

  it('upserts accounts with counts and marks the ones Pluggy stopped listing', () => {
    upsertConnection(db, sampleItem('item-1'));
    const accounts = [
      sampleAccount('a1', 'item-1'),
      sampleAccount('a2', 'item-1', { type: 'CREDIT', subtype: 'CREDIT_CARD' }),
    ];
    expect(upsertAccounts(db, 'item-1', accounts)).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(upsertAccounts(db, 'item-1', [{ ...accounts[0]!, balance: 5 }, accounts[1]!])).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
    expect(getAccount(db, 'a1')!.balance).toBe(500); // centavos
    expect(markMissingAccountsRemoved(db, 'item-1', ['a1'])).toBe(1);
    expect(listAccounts(db, { connectionId: 'item-1' }).map((a) => a.id)).toEqual(['a1']);
    expect(listAccounts(db, { includeRemoved: true })).toHaveLength(2);
    expect(upsertAccounts(db, 'item-1', [accounts[1]!])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(getAccount(db, 'a2')!.removedAt).toBeNull();
  });

  it('refuses accounts of another item or of an unknown connection', () => {
    upsertConnection(db, sampleItem('item-1'));
    expect(() => upsertAccounts(db, 'item-1', [sampleAccount('a1', 'item-2')])).toThrow(AppError);
    expect(() => upsertAccounts(db, 'item-9', [sampleAccount('a1', 'item-9')])).toThrow(AppError);
    expect(listAccounts(db)).toHaveLength(0);
  });

  it('archives a connection (data kept, hidden from the list) or purges it with all its data', () => {
    for (const id of ['item-1', 'item-2']) {
      upsertConnection(db, sampleItem(id));
      upsertAccounts(db, id, [sampleAccount(`${id}-acc`, id)]);
      upsertTransactions(db, samplePage(0, 20, `${id}-acc`));
    }
    expect(deleteConnection(db, 'item-1', 'archive')).toBe(true);
    expect(listConnections(db).map((c) => c.id)).toEqual(['item-2']);
    expect(listConnections(db, { includeArchived: true })).toHaveLength(2);
    expect(upsertConnection(db, sampleItem('item-1', { status: 'OUTDATED' }))).toBe('updated');
    expect(getConnection(db, 'item-1')!.archivedAt).not.toBeNull();
    expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(40);

    expect(deleteConnection(db, 'item-2', 'purge')).toBe(true);
    expect(deleteConnection(db, 'item-2', 'purge')).toBe(false);
    expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(20);
    expect(
      db.prepare(`SELECT count(*) FROM transactions_fts WHERE transactions_fts MATCH 'compra'`).pluck().get(),
    ).toBe(db.prepare(`SELECT count(*) FROM transactions WHERE description LIKE 'Compra%'`).pluck().get());
    expect(listAccounts(db, { includeRemoved: true }).map((a) => a.id)).toEqual(['item-1-acc']);
    db.exec(`INSERT INTO transactions_fts(transactions_fts, rank) VALUES ('integrity-check', 1)`);
  });
});
