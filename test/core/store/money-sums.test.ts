import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  balanceOverTime,
  openDatabase,
  spendingByCategory,
  transactionTotals,
  upsertAccounts,
  upsertTransactions,
  type Db,
} from '../../../src/core/store';
import type { Transaction } from '../../../src/shared/pluggy';
import { sampleAccount, sampleTransaction } from './sample-data';
import { ACCOUNT_ID, ITEM_ID, seedConnection } from './seed';
import { tempDb, type TempDb } from './temp-db';

const CARD = 'card-1';
const OWN = { type: 'CPF', value: '761.092.776-73' };

describe('money sums', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
    upsertAccounts(db, ITEM_ID, [
      sampleAccount(ACCOUNT_ID, ITEM_ID),
      sampleAccount(CARD, ITEM_ID, { type: 'CREDIT', subtype: 'CREDIT_CARD', balance: 500 }),
    ]);
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  const on = (n: number, account: string, day: string, fields: Partial<Transaction>) =>
    sampleTransaction(n, account, {
      date: `2025-02-${day}T03:00:00.000Z`,
      paymentData: null,
      merchant: null,
      ...fields,
    });

  // A month as Pluggy sends it: bank amounts signed, card purchases positive, a foreign purchase in USD.
  const month = () => [
    on(1, ACCOUNT_ID, '03', { type: 'CREDIT', amount: 5000, category: 'Salary', categoryId: '01010000' }),
    on(2, ACCOUNT_ID, '04', { type: 'DEBIT', amount: -0.1, category: 'Groceries', categoryId: '08010000' }),
    on(3, ACCOUNT_ID, '04', { type: 'DEBIT', amount: -0.2, category: 'Groceries', categoryId: '08010000' }),
    on(4, ACCOUNT_ID, '05', {
      type: 'DEBIT',
      amount: -400,
      category: 'Credit card payment',
      categoryId: '05100000',
    }),
    on(5, ACCOUNT_ID, '06', {
      type: 'DEBIT',
      amount: -1000,
      category: 'Investments',
      categoryId: '03000000',
    }),
    on(6, ACCOUNT_ID, '07', {
      type: 'DEBIT',
      amount: -250,
      category: 'Transfer - PIX',
      categoryId: '05070000',
      paymentData: { payer: { documentNumber: OWN }, receiver: { documentNumber: OWN } },
    }),
    on(7, CARD, '08', { type: 'DEBIT', amount: 120.3, category: 'Groceries', categoryId: '08010000' }),
    on(8, CARD, '09', {
      type: 'DEBIT',
      amount: 15.53,
      currencyCode: 'USD',
      amountInAccountCurrency: 88.52,
      category: 'Digital services',
      categoryId: '09000000',
    }),
    on(9, CARD, '10', {
      type: 'CREDIT',
      amount: -400,
      category: 'Credit card payment',
      categoryId: '05100000',
    }),
  ];

  it('counts spending only: no bill payments, own transfers or investment moves; foreign purchases in R$', () => {
    upsertTransactions(db, month());
    const rows = spendingByCategory(db, { month: '2025-02' });
    expect(rows).toEqual([
      { category: 'Groceries', outflow: 12_060, inflow: 0, count: 3 },
      { category: 'Digital services', outflow: 8852, inflow: 0, count: 1 },
      { category: 'Salary', outflow: 0, inflow: 500_000, count: 1 },
    ]);
    expect(transactionTotals(db, { dateFrom: '2025-02-01', dateTo: '2025-02-28' })).toEqual({
      inflow: 500_000,
      outflow: 20_912,
      net: 479_088,
      count: 5,
      movedCount: 4,
      ignoredCount: 0,
      copyCount: 0,
    });
    expect(transactionTotals(db, { accountIds: [CARD], text: 'nada-assim' })).toMatchObject({ count: 0 });
  });

  it("walks a card's balance back as debt (negative), foreign purchases in R$", () => {
    upsertTransactions(db, month());
    // The card owes R$ 500,00 now; walking back: +400 payment on the 10th, -88.52 on the 9th, -120.30 on the 8th.
    expect(balanceOverTime(db, { accountId: CARD, from: '2025-02-08', to: '2025-02-10' })).toEqual([
      { day: '2025-02-08', balance: -90_000 + 8852 },
      { day: '2025-02-09', balance: -90_000 },
      { day: '2025-02-10', balance: -50_000 },
    ]);
  });
});
