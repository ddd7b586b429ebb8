// Faturas from stored rows at a bank whose due date drifts with the month's length: the open fatura and the last
// closed bill share a due month, and each row the bank did not link goes by its date, not to the closed bill.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardFaturas, cardsView, creditCards } from '../../../src/core/bills/card-faturas';
import {
  openDatabase,
  upsertAccounts,
  upsertBills,
  upsertConnection,
  upsertTransactions,
  type Db,
} from '../../../src/core/store';
import { Bill } from '../../../src/shared/pluggy';
import { sampleAccount, sampleItem, sampleTransaction } from '../store/sample-data';
import { tempDb, type TempDb } from '../store/temp-db';

const ITEM = 'item-drift';
const CARD = 'card-drift';
const NOW = Date.parse('2026-12-05T12:00:00.000Z');

// Closing on the 24th, due 7 days later: 1 December for November's bill, 31 December for December's.
const closed = Bill.parse({
  id: 'bill-nov',
  dueDate: '2026-12-01T00:00:00.000Z',
  billClosingDate: '2026-11-24T00:00:00.000Z',
  totalAmount: 300,
  financeCharges: [],
  payments: [],
});

const purchase = (
  n: number,
  date: string,
  cents: number,
  meta: { billId?: string; billForecastDate: string },
) =>
  sampleTransaction(n, CARD, {
    date,
    type: 'DEBIT',
    amount: cents / 100,
    creditCardMetadata: meta,
  });

describe('faturas when two bills fall due in one month', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    upsertConnection(db, sampleItem(ITEM));
    upsertAccounts(db, ITEM, [
      sampleAccount(CARD, ITEM, {
        type: 'CREDIT',
        subtype: 'CREDIT_CARD',
        number: '4321',
        balance: 450,
        bankData: null,
        creditData: {
          balanceCloseDate: '2026-12-24T00:00:00.000Z',
          balanceDueDate: '2026-12-31T00:00:00.000Z',
        },
      }),
    ]);
    upsertBills(db, CARD, [closed], '2026-12-05T00:00:00.000Z');
    upsertTransactions(db, [
      // Linked to November's bill by id.
      purchase(1, '2026-11-10T10:00:00.000Z', 100_00, { billId: 'bill-nov', billForecastDate: '2026-12' }),
      // Not linked, dated before November's closing: November's.
      purchase(2, '2026-11-20T10:00:00.000Z', 200_00, { billForecastDate: '2026-12' }),
      // Not linked, dated after it: the open fatura's, though its due month is November's bill's too.
      purchase(3, '2026-11-28T10:00:00.000Z', 150_00, { billForecastDate: '2026-12' }),
      purchase(4, '2026-12-03T10:00:00.000Z', 300_00, { billForecastDate: '2026-12' }),
    ]);
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('puts each unlinked row in the fatura its date falls in', () => {
    const c = cardFaturas(db, creditCards(db)[0]!, NOW);
    expect(c.openMonth).toBe('2026-12');
    expect(c.closed[0]!.rows.map((r) => r.id).sort()).toEqual([`tx-${CARD}-00000001`, `tx-${CARD}-00000002`]);
    expect(c.openRows.map((r) => r.id).sort()).toEqual([`tx-${CARD}-00000003`, `tx-${CARD}-00000004`]);
  });

  it('gives the open fatura the running total of its own rows only', () => {
    const card = cardsView(db, NOW).cards[0]!;
    expect(card.open).toMatchObject({
      month: '2026-12',
      total: 450_00,
      transactionCount: 2,
      daysToClosing: 19,
    });
    expect(card.closed[0]).toMatchObject({ billId: 'bill-nov', total: 300_00, transactionCount: 2 });
  });
});
