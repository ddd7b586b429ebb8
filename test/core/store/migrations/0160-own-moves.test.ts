import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getOwnMove,
  migrate,
  openDatabase,
  upsertAccounts,
  upsertConnection,
  upsertTransactions,
  type Db,
} from '../../../../src/core/store';
import { detectOwnMoves } from '../../../../src/core/transfers/detect-own-moves';
import type { Transaction } from '../../../../src/shared/pluggy';
import { sampleAccount, sampleItem, sampleTransaction } from '../sample-data';
import { tempDb, type TempDb } from '../temp-db';

const pix = (id: string, accountId: string, sent: boolean, name: string, date: string): Transaction =>
  sampleTransaction(1, accountId, {
    id,
    date,
    description: `Pix ${sent ? 'enviado' : 'recebido'} ${name}`,
    type: sent ? 'DEBIT' : 'CREDIT',
    amount: sent ? -350 : 350,
    category: 'Transfer - PIX',
    categoryId: '05070000',
    operationType: 'PIX',
  });

describe('migration 0160-own-moves', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 150 });
    upsertConnection(db, sampleItem('bank-a'));
    upsertConnection(db, sampleItem('bank-b'));
    upsertAccounts(db, 'bank-a', [sampleAccount('acc-a', 'bank-a')]);
    upsertAccounts(db, 'bank-b', [sampleAccount('acc-b', 'bank-b', { number: '98765-4' })]);
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('lets the first detection read rows stored before it (no run), once, and find a transfer among them', () => {
    upsertTransactions(db, [
      pix('out', 'acc-a', true, 'Maria Oliveira', '2025-02-10T12:00:00.000Z'),
      pix('in', 'acc-b', false, 'MARIA OLIVEIRA', '2025-02-11T09:00:00.000Z'),
      // A friend's Pix of the same amount, the same day, is not a transfer between own accounts.
      pix('friend', 'acc-b', false, 'João Souza', '2025-02-10T12:00:00.000Z'),
    ]);
    migrate(db, 160);
    const found = detectOwnMoves(db, { runId: null, at: '2025-03-01T00:00:00.000Z' });
    expect(found).toMatchObject({ transfers: 1, rowsRead: 3 });
    expect(getOwnMove(db, 'out')).toMatchObject({ kind: 'transfer', otherTransactionId: 'in' });
    expect(getOwnMove(db, 'in')).toMatchObject({ kind: 'transfer', otherTransactionId: 'out' });
    expect(getOwnMove(db, 'friend')).toBeNull();
    expect(detectOwnMoves(db, { runId: null, at: '2025-03-01T00:01:00.000Z' }).rowsRead).toBe(0);
  });

  it('pairs no two rows more than three days apart', () => {
    upsertTransactions(db, [
      pix('out', 'acc-a', true, 'Maria Oliveira', '2025-02-10T12:00:00.000Z'),
      pix('late', 'acc-b', false, 'Maria Oliveira', '2025-02-15T12:00:00.000Z'),
    ]);
    migrate(db, 160);
    expect(detectOwnMoves(db, { runId: null, at: '2025-03-01T00:00:00.000Z' }).transfers).toBe(0);
  });

  it('never pairs a row whose bank names someone else as the other side', () => {
    const friend = pix('friend', 'acc-b', false, 'Maria Oliveira', '2025-02-10T12:00:00.000Z');
    upsertTransactions(db, [
      pix('out', 'acc-a', true, 'Maria Oliveira', '2025-02-10T12:00:00.000Z'),
      { ...friend, paymentData: { payer: { name: 'João Souza' }, receiver: { name: 'Maria Oliveira' } } },
    ]);
    migrate(db, 160);
    expect(detectOwnMoves(db, { runId: null, at: '2025-03-01T00:00:00.000Z' }).transfers).toBe(0);
  });
});
