import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getBill,
  listBillReads,
  migrate,
  openDatabase,
  recordBillRead,
  upsertBills,
  type Db,
} from '../../../../src/core/store';
import { Bill } from '../../../../src/shared/pluggy';
import { ACCOUNT_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';

const bill = Bill.parse({
  id: 'bill-1',
  dueDate: '2026-11-20T00:00:00',
  billClosingDate: '2026-11-13T00:00:00',
  totalAmount: 1234.56,
  totalAmountCurrencyCode: 'BRL',
  minimumPaymentAmount: 185.18,
  allowsInstallments: true,
  financeCharges: [{ id: 'c', type: 'IOF', amount: 20.51, currencyCode: 'BRL' }],
  payments: [
    { id: 'p', valueType: 'OTHER_PAYMENT', paymentDate: '2026-11-19', amount: 500, currencyCode: 'BRL' },
  ],
});

describe('migration 0110-bills', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 101 });
    seedConnection(db);
    migrate(db, 110);
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('stores a card’s bills in centavos with their charges and payments, updated in place when seen again', () => {
    expect(upsertBills(db, ACCOUNT_ID, [bill], '2026-12-01T00:00:00.000Z')).toMatchObject({ inserted: 1 });
    expect(getBill(db, 'bill-1')).toMatchObject({
      accountId: ACCOUNT_ID,
      dueDate: '2026-11-20T00:00:00.000Z',
      closingDate: '2026-11-13T00:00:00.000Z',
      totalAmount: 123456,
      minimumPayment: 18518,
      allowsInstallments: true,
      financeCharges: [{ type: 'IOF', amount: 2051 }],
      payments: [{ valueType: 'OTHER_PAYMENT', amount: 50000, paymentDate: '2026-11-19T00:00:00.000Z' }],
    });
    expect(upsertBills(db, ACCOUNT_ID, [bill], '2026-12-02T00:00:00.000Z')).toMatchObject({ unchanged: 1 });
    const paid = {
      ...bill,
      payments: [...bill.payments, { ...bill.payments[0]!, id: 'p2', amount: 734.56 }],
    };
    expect(upsertBills(db, ACCOUNT_ID, [paid], '2026-12-03T00:00:00.000Z')).toMatchObject({ updated: 1 });
  });

  it('keeps each card’s last read and the failure after it', () => {
    recordBillRead(db, ACCOUNT_ID, { at: '2026-12-01T00:00:00.000Z' });
    recordBillRead(db, ACCOUNT_ID, { at: '2026-12-02T00:00:00.000Z', errorCode: 'http_500' });
    expect(listBillReads(db)).toEqual([
      {
        accountId: ACCOUNT_ID,
        readAt: '2026-12-01T00:00:00.000Z',
        errorCode: 'http_500',
        errorAt: '2026-12-02T00:00:00.000Z',
      },
    ]);
    recordBillRead(db, ACCOUNT_ID, { at: '2026-12-03T00:00:00.000Z' });
    expect(listBillReads(db)[0]).toMatchObject({ readAt: '2026-12-03T00:00:00.000Z', errorCode: null });
  });
});
