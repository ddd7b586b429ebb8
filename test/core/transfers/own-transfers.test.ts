// Transfers between the person's own accounts across two demo connections: found after the syncs that bring
// both sides, shown with the other side, left out of spending, and undone for good when the person says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionView } from '../../../src/shared/contract';
import { toCentavos } from '../../../src/shared/money';
import { SandboxTruth, type OwnTransferTruth } from '../../../src/sandbox/admin-schemas';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';

let world: CoreWorld;
let first = '';
let second = '';
let transfer: OwnTransferTruth;

async function truth(itemId: string): Promise<SandboxTruth> {
  const res = await fetch(`${world.sandbox.url}/__sandbox/truth?itemId=${itemId}`);
  return SandboxTruth.parse(await res.json());
}

async function sync(itemId: string): Promise<void> {
  await world.call('connections.sync', { itemId });
  await world.settle(itemId);
  const [run] = await world.call('sync.runs', { itemId });
  expect(run!.outcome).toBe('success');
}

async function rowsOn(day: string, accountIds: string[]): Promise<TransactionView[]> {
  const page = await world.call('transactions.page', {
    filter: { dateFrom: day, dateTo: day, accountIds },
    limit: 500,
  });
  return page.rows;
}

/** What "Gastos por categoria" shows as Transfer - PIX money out in a month. */
async function pixOutflow(month: string): Promise<number> {
  const spending = await world.call('charts.spending', { month });
  return spending.find((c) => c.category === 'Transfer - PIX')?.outflow ?? 0;
}

beforeAll(async () => {
  world = await startCoreWorld({
    sandbox: { seed: 'own-transfers', transactionsPerAccount: 40, ownTransfers: true },
  });
  first = await world.connect('user-ok');
  await world.settle(first);
  second = await world.connect('user-ok');
  await world.settle(second);
  await world.call('connections.rename', { itemId: second, nickname: 'Banco Dois' });
  // The first link's side was made when the second link came: its next sync brings it, as a bank's would.
  await sync(first);
  [transfer] = (await truth(second)).ownTransfers as [OwnTransferTruth];
}, 90_000);
afterAll(() => world.close());

describe('a transfer between two demo connections', () => {
  it('is found and each side names the other account and its link', async () => {
    expect(transfer).toBeDefined();
    const day = transfer.date.slice(0, 10);
    const rows = await rowsOn(day, [transfer.fromAccountId, transfer.toAccountId]);
    const sent = rows.find((r) => r.id === transfer.sentTransactionId)!;
    const received = rows.find((r) => r.id === transfer.receivedTransactionId)!;
    expect(sent.amount).toBe(-toCentavos(transfer.amount));
    expect(sent.move).toMatchObject({
      kind: 'transfer',
      otherTransactionId: received.id,
      otherAccountId: transfer.toAccountId,
      otherConnectionName: 'Banco Dois',
      otherAmount: toCentavos(transfer.amount),
    });
    expect(received.move).toMatchObject({
      kind: 'transfer',
      otherTransactionId: sent.id,
      otherAccountId: transfer.fromAccountId,
      otherConnectionName: 'Pluggy Bank',
    });
    // Nothing else on either account is taken for a transfer.
    const all = await world.call('transactions.page', { filter: {}, limit: 500 });
    expect(
      all.rows
        .filter((r) => r.move?.kind === 'transfer')
        .map((r) => r.id)
        .sort(),
    ).toEqual([sent.id, received.id].sort());
  });

  it('is left out of spending and of the totals, and counted as moved', async () => {
    const month = transfer.date.slice(0, 7);
    const both = [...(await truth(first)).transactions, ...(await truth(second)).transactions];
    const expected = both
      .filter((t) => t.date.slice(0, 7) === month && t.category === 'Transfer - PIX' && t.type === 'DEBIT')
      .filter((t) => t.id !== transfer.sentTransactionId)
      .reduce((sum, t) => sum + toCentavos(Math.abs(t.amount)), 0);
    expect(await pixOutflow(month)).toBe(expected);

    const day = transfer.date.slice(0, 10);
    const totals = await world.call('transactions.totals', {
      filter: { dateFrom: day, dateTo: day, accountIds: [transfer.fromAccountId, transfer.toAccountId] },
    });
    const rows = await rowsOn(day, [transfer.fromAccountId, transfer.toAccountId]);
    expect(totals.count + totals.movedCount + totals.ignoredCount).toBe(rows.length);
    expect(totals.movedCount).toBeGreaterThanOrEqual(2);
  });

  it('comes with each fatura paid from a checking account tied to its bill, and only those', async () => {
    for (const itemId of [first, second]) {
      const t = await truth(itemId);
      const paid = t.bills.flatMap((b) => (b.payments ?? []).map((p) => ({ billId: b.id, payment: p })));
      expect(paid.length).toBeGreaterThan(0);
      const checking = t.accounts.find((a) => a.subtype === 'CHECKING_ACCOUNT')!;
      const page = await world.call('transactions.page', {
        filter: { accountIds: [checking.id], text: 'fatura' },
        limit: 500,
      });
      const tied = page.rows.filter((r) => r.move?.kind === 'bill_payment');
      expect(tied).toHaveLength(paid.length);
      for (const { billId, payment } of paid) {
        const row = tied.find((r) => r.date === payment.paymentDate)!;
        expect(row.amount).toBe(-toCentavos(payment.amount));
        expect(row.move).toMatchObject({ kind: 'bill_payment', billId, connectionName: expect.any(String) });
      }
      // The bank's other "Pagamento fatura" rows match no fatura and stay as the bank said.
      expect(
        page.rows.filter((r) => r.move === null && r.category === 'Credit card payment').length,
      ).toBeGreaterThan(0);
    }
  });

  it('stays found, once, through more syncs of both links', async () => {
    // Both links sync again, with new data at the bank each time.
    for (const id of [first, second]) {
      await fetch(`${world.sandbox.url}/__sandbox/advance?itemId=${id}`, { method: 'POST' });
      await sync(id);
    }
    const all = await world.call('transactions.page', {
      filter: { dateFrom: transfer.date.slice(0, 10), dateTo: transfer.date.slice(0, 10) },
      limit: 500,
    });
    expect(all.rows.filter((r) => r.move?.kind === 'transfer')).toHaveLength(2);
    const audit = await world.call('audit.page', {
      filter: { action: 'transactions.own_moves.found' },
      limit: 10,
    });
    const found = audit.rows.filter((e) => e.action === 'transactions.own_moves.found');
    const transfers = found.map((e) => Number(e.details['transfers'] ?? 0));
    expect(transfers.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('can be undone by the person, counts as spending again, and stays undone through re-syncs', async () => {
    const month = transfer.date.slice(0, 7);
    const before = await pixOutflow(month);
    const undone = await world.call('transfers.undo', { id: transfer.receivedTransactionId });
    expect(undone.kind).toBe('transfer');
    expect(undone.transactionIds.sort()).toEqual(
      [transfer.sentTransactionId, transfer.receivedTransactionId].sort(),
    );
    expect(await pixOutflow(month)).toBe(before + toCentavos(transfer.amount));

    for (const id of [second, first]) await sync(id);
    const rows = await rowsOn(transfer.date.slice(0, 10), [transfer.fromAccountId, transfer.toAccountId]);
    expect(rows.filter((r) => r.move?.kind === 'transfer')).toEqual([]);

    const detail = await world.call('transactions.detail', { id: transfer.sentTransactionId });
    const moves = detail.history.filter((h) => h.details['field'] === 'ownMove');
    expect(moves.map((h) => [h.actor, h.details['to']])).toEqual([
      ['sync', 'transfer'],
      ['person', null],
    ]);
    await expect(world.call('transfers.undo', { id: transfer.sentTransactionId })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
