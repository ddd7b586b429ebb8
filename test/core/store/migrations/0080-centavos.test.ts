import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getAccount,
  getTransactionRaw,
  migrate,
  openDatabase,
  upsertTransactions,
  type Db,
} from '../../../../src/core/store';
import { toCentavos } from '../../../../src/shared/money';
import type { Transaction } from '../../../../src/shared/pluggy';
import { sampleAccount, samplePage, sampleTransaction } from '../sample-data';
import { ACCOUNT_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';
import { insertAsVersion70, setAccountAsVersion70, withoutNulls } from './version-70-rows';

const columnTypes = (db: Db, table: string) =>
  Object.fromEntries(
    (db.prepare(`PRAGMA table_xinfo(${table})`).all() as { name: string; type: string }[]).map((c) => [
      c.name,
      c.type,
    ]),
  );

describe('migration 0080-centavos', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 70 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('converts every stored amount to centavos exactly, the sum to the centavo unchanged', () => {
    seedConnection(db);
    const account = sampleAccount(ACCOUNT_ID, 'item-1', {
      type: 'CREDIT',
      balance: 1067.85,
      creditData: { creditLimit: 5000.1, availableCreditLimit: 3932.25 },
    });
    setAccountAsVersion70(db, account);
    // More than two batches, the classic float traps, a foreign purchase, a bank balance and a sub-centavo figure.
    const page: Transaction[] = [
      ...samplePage(0, 4_500, ACCOUNT_ID),
      sampleTransaction(9_000, ACCOUNT_ID, { amount: -1067.85 }),
      sampleTransaction(9_001, ACCOUNT_ID, { amount: 0.1 }),
      sampleTransaction(9_002, ACCOUNT_ID, { amount: 0.2 }),
      sampleTransaction(9_003, ACCOUNT_ID, {
        amount: 15.53,
        currencyCode: 'USD',
        amountInAccountCurrency: 88.52,
      }),
      sampleTransaction(9_004, ACCOUNT_ID, { amount: -4.35, balance: 1234.56 }),
      sampleTransaction(9_005, ACCOUNT_ID, { amount: 10.005 }),
    ];
    insertAsVersion70(db, page);
    const floatSum = Number(db.prepare('SELECT sum(amount) FROM transactions').pluck().get());
    const exactSum = page.reduce((s, x) => s + toCentavos(x.amount), 0);

    migrate(db);

    expect(columnTypes(db, 'transactions')).toMatchObject({
      amount: 'INTEGER',
      amount_in_account_currency: 'INTEGER',
      balance: 'INTEGER',
    });
    expect(columnTypes(db, 'accounts')).toMatchObject({
      balance: 'INTEGER',
      credit_limit: 'INTEGER',
      available_credit_limit: 'INTEGER',
    });
    const sum = db.prepare('SELECT sum(amount), typeof(sum(amount)) FROM transactions').raw(true).get() as [
      number,
      string,
    ];
    expect(sum).toEqual([exactSum, 'integer']);
    expect(Math.round(floatSum * 100)).toBe(exactSum);
    expect(
      db.prepare(`SELECT count(*) FROM transactions WHERE typeof(amount) <> 'integer'`).pluck().get(),
    ).toBe(0);
    expect(getAccount(db, ACCOUNT_ID)).toMatchObject({
      balance: 106_785,
      creditLimit: 500_010,
      availableCreditLimit: 393_225,
    });
    expect(db.prepare('SELECT amount FROM transactions WHERE id = ?').pluck().get(page[4_500]!.id)).toBe(
      -106_785,
    );
    expect(
      db
        .prepare('SELECT amount, amount_in_account_currency, raw FROM transactions WHERE id = ?')
        .raw(true)
        .get(page[4_503]!.id),
    ).toEqual([1553, 8852, expect.not.stringContaining('amountInAccountCurrency') as unknown]);
    // The way back gives Pluggy's objects exactly, the sub-centavo figure included (kept verbatim in raw).
    for (const tx of page) expect(getTransactionRaw(db, tx.id), tx.id).toEqual(withoutNulls(tx));
    // Rows converted in place equal the same objects read again: a re-sync writes nothing (the sub-centavo
    // row's remainder may list its keys in another order, so it is left out of this check).
    const whole = page.slice(0, -1);
    expect(upsertTransactions(db, whole)).toEqual({ inserted: 0, updated: 0, unchanged: whole.length });
    db.exec(`INSERT INTO transactions_fts(transactions_fts, rank) VALUES ('integrity-check', 1)`);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('migrations 70 then 80 on a database from before both', () => {
  it('keeps foreign-purchase and balance figures through the raw remainder into their centavos columns', () => {
    const t = tempDb();
    const db = openDatabase({ file: t.file, key: t.key, migrateTo: 60 });
    try {
      seedConnection(db);
      const page = [
        sampleTransaction(1, ACCOUNT_ID, {
          amount: 15.53,
          currencyCode: 'USD',
          amountInAccountCurrency: 88.52,
        }),
        sampleTransaction(2, ACCOUNT_ID, { amount: -4.35, balance: 1234.56 }),
      ];
      insertAsVersion70(db, page);
      // What versions up to 60 stored: the whole object as received.
      const setRaw = db.prepare('UPDATE transactions SET raw = ? WHERE id = ?');
      for (const tx of page) setRaw.run(JSON.stringify(tx), tx.id);
      migrate(db);
      expect(
        db
          .prepare('SELECT amount, amount_in_account_currency, balance FROM transactions ORDER BY id')
          .raw(true)
          .all(),
      ).toEqual([
        [1553, 8852, null],
        [-435, null, 123_456],
      ]);
      for (const tx of page) expect(getTransactionRaw(db, tx.id)).toEqual(withoutNulls(tx));
    } finally {
      db.close();
      t.cleanup();
    }
  });
});
