import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  listInvestments,
  listLoans,
  listProductReads,
  migrate,
  openDatabase,
  recordProductRead,
  upsertInvestments,
  upsertLoans,
  type Db,
} from '../../../../src/core/store';
import { ITEM_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';

const AT = '2026-12-01T10:00:00.000Z';

describe('migration 0120-investments-loans', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 101 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('adds the product tables, money in centavos, rows going with their connection', () => {
    seedConnection(db, ITEM_ID);
    migrate(db, 120);
    const counts = upsertInvestments(db, ITEM_ID, [{ id: 'inv-1', name: 'CDB', balance: 1067.85 }], AT);
    expect(counts).toMatchObject({ inserted: 1, refused: [] });
    upsertLoans(
      db,
      ITEM_ID,
      [{ id: 'loan-1', productName: 'Pessoal', payments: { contractOutstandingBalance: 0.1 } }],
      AT,
    );
    recordProductRead(db, ITEM_ID, 'loans', { state: 'read', at: AT });
    expect(listInvestments(db)[0]).toMatchObject({ balance: 106785, currencyCode: 'BRL' });
    expect(listLoans(db)[0]).toMatchObject({ outstandingBalance: 10 });
    expect(listProductReads(db)).toEqual([
      {
        connectionId: ITEM_ID,
        product: 'loans',
        state: 'read',
        attemptedAt: AT,
        readAt: AT,
        errorCode: null,
      },
    ]);
    db.prepare('DELETE FROM connections WHERE id = ?').run(ITEM_ID);
    expect([listInvestments(db), listLoans(db), listProductReads(db)]).toEqual([[], [], []]);
  });

  it('refuses a product state it does not know', () => {
    seedConnection(db, ITEM_ID);
    migrate(db, 120);
    expect(() => recordProductRead(db, ITEM_ID, 'loans', { state: 'maybe' as never, at: AT })).toThrow(
      /CHECK/,
    );
  });

  it('refuses a position whose date is no date, keeping the others', () => {
    seedConnection(db, ITEM_ID);
    migrate(db, 120);
    const counts = upsertInvestments(
      db,
      ITEM_ID,
      [
        { id: 'a', name: 'A', balance: 1, dueDate: 'amanhã' },
        { id: 'b', name: 'B', balance: 2 },
      ],
      AT,
    );
    expect(counts).toMatchObject({ inserted: 1, refused: [{ id: 'a', path: 'dueDate' }] });
    expect(listInvestments(db).map((i) => i.id)).toEqual(['b']);
  });
});
