// A payment out of a checking account tied to the card's fatura it paid (the bill's own record of the payment,
// or its total near the due date), left out of spending; a payment matching no fatura stays spending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectOwnMoves } from '../../../src/core/transfers/detect-own-moves';
import {
  finishSyncRun,
  getOwnMove,
  listAccounts,
  listBills,
  startSyncRun,
  transactionTotals,
  undoOwnMove,
  upsertTransactions,
  type StoredBill,
} from '../../../src/core/store';
import type { Transaction } from '../../../src/shared/pluggy';
import { startSyncWorld, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
let itemId = '';
let checkingId = '';
let listed: StoredBill;
let byTotal: StoredBill;

const DAY = 86_400_000;

function payment(
  id: string,
  cents: number,
  date: string,
  description = 'Pagamento fatura cartão',
): Transaction {
  return {
    id,
    accountId: checkingId,
    date,
    description,
    descriptionRaw: description.toUpperCase(),
    type: 'DEBIT',
    amount: -cents / 100,
    amountInAccountCurrency: null,
    balance: null,
    currencyCode: 'BRL',
    category: 'Credit card payment',
    categoryId: '05100000',
    status: 'POSTED',
    providerCode: null,
    providerId: null,
    operationType: 'PAGAMENTO_FATURA',
    operationTypeAdditionalInfo: null,
    paymentData: null,
    creditCardMetadata: null,
    merchant: null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
}

/** The rows arrive as a sync run brings them; detection reads that run's rows once it has finished. */
function bring(rows: Transaction[]): void {
  const runId = startSyncRun(world.db, itemId, 'manual');
  upsertTransactions(world.db, rows, { source: { actor: 'sync', runId } });
  finishSyncRun(world.db, runId, { outcome: 'success' });
}

beforeAll(async () => {
  world = await startSyncWorld({ seed: 'bill-payments', transactionsPerAccount: 120 });
  itemId = (await world.connect('user-ok')).id;
  expect((await world.engine.sync(itemId, 'manual').done).outcome).toBe('success');
  checkingId = listAccounts(world.db).find((a) => a.subtype === 'CHECKING_ACCOUNT')!.id;
  const bills = listBills(world.db);
  listed = bills.find((b) => b.payments.length > 0)!;
  byTotal = bills.find((b) => b !== listed && b.totalAmount > 0)!;
  expect(listed && byTotal).toBeTruthy();
}, 60_000);
afterAll(() => world.close());

describe('card-bill payments', () => {
  it('ties a payment to the fatura that lists it, and one of the fatura total near its due date', () => {
    const p = listed.payments[0]!;
    const due = Date.parse(byTotal.dueDate);
    bring([
      payment('pay-listed', p.amount, new Date(Date.parse(p.paymentDate) + DAY).toISOString()),
      payment('pay-total', byTotal.totalAmount, new Date(due - 3 * DAY).toISOString()),
      // A payment of no fatura's amount stays what the bank said.
      payment('pay-none', 123_457, new Date(due - 3 * DAY).toISOString()),
    ]);
    const found = detectOwnMoves(world.db, { runId: null, at: new Date().toISOString() });
    expect(found.billPayments).toBe(2);
    expect(getOwnMove(world.db, 'pay-listed')).toMatchObject({ kind: 'bill_payment', billId: listed.id });
    expect(getOwnMove(world.db, 'pay-total')).toMatchObject({ kind: 'bill_payment', billId: byTotal.id });
    expect(getOwnMove(world.db, 'pay-none')).toBeNull();
    // Run again: nothing new, nothing doubled.
    expect(detectOwnMoves(world.db, { runId: null, at: new Date().toISOString() }).billPayments).toBe(0);
  });

  it('leaves the tied payments out of the totals, and counts one again once the person unties it', () => {
    const filter = {
      accountIds: [checkingId],
      amountMin: byTotal.totalAmount,
      amountMax: byTotal.totalAmount,
    };
    const before = transactionTotals(world.db, filter);
    expect(before.count).toBe(0);
    expect(before.movedCount).toBeGreaterThanOrEqual(1);

    undoOwnMove(world.db, 'pay-total', new Date().toISOString());
    expect(getOwnMove(world.db, 'pay-total')).toBeNull();
    // The bank's own category still calls it a card-bill payment: it stays out of spending either way.
    expect(transactionTotals(world.db, filter).movedCount).toBe(before.movedCount);
    // A detection that reads every row again (as the first one after an upgrade does) never ties it again,
    // while the untouched payment keeps its fatura.
    world.db.prepare('DELETE FROM own_move_scans').run();
    detectOwnMoves(world.db, { runId: null, at: new Date().toISOString() });
    expect(getOwnMove(world.db, 'pay-total')).toBeNull();
    expect(getOwnMove(world.db, 'pay-listed')?.billId).toBe(listed.id);
  });

  it('ties a payment the bank categorised as a plain transfer, so it leaves spending only by the match', () => {
    const p = listed.payments[0]!;
    const row = {
      ...payment('pay-plain', p.amount, p.paymentDate, 'Pagamento fatura Mastercard'),
      category: 'Transfer - TED',
      categoryId: '05080000',
      operationType: 'TED',
    };
    bring([row]);
    detectOwnMoves(world.db, { runId: null, at: new Date().toISOString() });
    expect(getOwnMove(world.db, 'pay-plain')?.billId).toBe(listed.id);
    const totals = transactionTotals(world.db, { accountIds: [checkingId], text: 'Mastercard' });
    expect(totals.count).toBe(0);
    undoOwnMove(world.db, 'pay-plain', new Date().toISOString());
    expect(transactionTotals(world.db, { accountIds: [checkingId], text: 'Mastercard' }).count).toBe(1);
  });
});
