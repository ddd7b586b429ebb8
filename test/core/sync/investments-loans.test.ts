// Each sync reads investments (+ movements) and loans beside the accounts: stored equal to the ground truth,
// "not covered" for a bank without them, and a failure there is the product's own state, not the run's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCentavos } from '../../../src/shared/money';
import type { Investment, InvestmentTransaction, Item, Loan } from '../../../src/shared/pluggy';
import { SandboxTruth } from '../../../src/sandbox';
import { silentLogger } from '../../../src/core/logging/logger';
import { systemSleepClock } from '../../../src/core/clock';
import {
  listInvestmentTransactions,
  listInvestments,
  listLoans,
  listProductReads,
  upsertConnection,
} from '../../../src/core/store';
import { createSyncEngine } from '../../../src/core/sync/sync-engine';
import { startSyncWorld, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 30, seed: 'investments-loans' });
});
afterAll(() => world.close());

async function truthOf(itemId: string): Promise<SandboxTruth> {
  const res = await fetch(`${world.sandbox.url}/__sandbox/truth?itemId=${itemId}`);
  return SandboxTruth.parse(await res.json());
}

const cents = (v: number | null | undefined) => (typeof v === 'number' ? toCentavos(v) : null);

function expectedPosition(i: Investment) {
  return {
    id: i.id,
    type: i.type ?? null,
    subtype: i.subtype ?? null,
    name: i.name,
    status: i.status ?? null,
    balance: toCentavos(i.balance),
    amount: cents(i.amount),
    amountOriginal: cents(i.amountOriginal),
    amountProfit: cents(i.amountProfit),
    taxes: cents(i.taxes),
    dueDate: i.dueDate ?? null,
    purchaseDate: i.purchaseDate ?? null,
  };
}

function expectedMovement(t: InvestmentTransaction) {
  return {
    id: t.id,
    type: t.type ?? null,
    movementType: t.movementType ?? null,
    date: t.date ?? null,
    amount: cents(t.amount),
  };
}

function expectedLoan(l: Loan) {
  return {
    id: l.id,
    kind: l.kind ?? null,
    productName: l.productName,
    contractNumber: l.contractNumber ?? null,
    contractAmount: cents(l.contractAmount),
    outstandingBalance: cents(l.payments?.contractOutstandingBalance),
    installmentsTotal: l.installments?.totalNumberOfInstallments ?? null,
    installmentsPaid: l.installments?.paidInstallments ?? null,
    installmentsDue: l.installments?.dueInstallments ?? null,
    interestRate: l.interestRates?.[0]?.preFixedRate ?? null,
  };
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

function auditOf(itemId: string, action: string) {
  return (
    world.db
      .prepare(`SELECT outcome, details FROM audit_log WHERE action = ? AND connection_id = ? ORDER BY id`)
      .all(action, itemId) as { outcome: string; details: string }[]
  ).map((r) => ({ outcome: r.outcome, details: JSON.parse(r.details) as Record<string, unknown> }));
}

describe('investments and loans in a sync', () => {
  let item: Item;

  it('stores every investment, its movements and every loan equal to the ground truth', async () => {
    item = await world.connect('user-ok');
    const result = await world.engine.sync(item.id, 'connect').done;
    expect(result.outcome).toBe('success');
    const truth = await truthOf(item.id);
    expect(truth.investments.length).toBeGreaterThan(5);

    const stored = listInvestments(world.db, { connectionId: item.id });
    expect(byId(stored).map(pick)).toEqual(byId(truth.investments).map(expectedPosition));
    for (const inv of truth.investments) {
      const movements = listInvestmentTransactions(world.db, inv.id).map((m) => ({
        id: m.id,
        type: m.type,
        movementType: m.movementType,
        date: m.date,
        amount: m.amount,
      }));
      expect(byId(movements)).toEqual(byId(truth.investmentTransactions[inv.id]!).map(expectedMovement));
    }
    const loans = listLoans(world.db, { connectionId: item.id });
    expect(byId(loans).map((l) => pickLoan(l))).toEqual(byId(truth.loans).map(expectedLoan));

    expect(listProductReads(world.db).filter((p) => p.connectionId === item.id)).toEqual([
      expect.objectContaining({ product: 'investments', state: 'read', errorCode: null }),
      expect.objectContaining({ product: 'loans', state: 'read', errorCode: null }),
    ]);
    const movementCount = Object.values(truth.investmentTransactions).flat().length;
    expect(auditOf(item.id, 'open_finance.sync.investments')).toEqual([
      {
        outcome: 'success',
        details: expect.objectContaining({
          runId: result.runId,
          covered: true,
          listed: truth.investments.length,
          inserted: truth.investments.length,
          movements: movementCount,
          movementsInserted: movementCount,
        }),
      },
    ]);
    expect(auditOf(item.id, 'open_finance.sync.loans')).toEqual([
      {
        outcome: 'success',
        details: expect.objectContaining({
          covered: true,
          listed: truth.loans.length,
          inserted: truth.loans.length,
        }),
      },
    ]);
  });

  it('a later sync brings the new balances and one more installment paid', async () => {
    await world.advance(item.id);
    expect((await world.engine.sync(item.id, 'manual').done).outcome).toBe('success');
    const truth = await truthOf(item.id);
    expect(byId(listInvestments(world.db, { connectionId: item.id })).map((s) => s.balance)).toEqual(
      byId(truth.investments).map((i) => toCentavos(i.balance)),
    );
    expect(byId(listLoans(world.db, { connectionId: item.id })).map(pickLoan)).toEqual(
      byId(truth.loans).map(expectedLoan),
    );
    const last = auditOf(item.id, 'open_finance.sync.loans').at(-1)!;
    expect(last.details).toMatchObject({ updated: truth.loans.length, inserted: 0 });
  });

  it('a sync with nothing new asks for no movements (positions unchanged since they were stored)', async () => {
    await world.resetCounts();
    expect((await world.engine.sync(item.id, 'poll').done).outcome).toBe('success');
    const requests = await world.requestCounts();
    expect(requests['GET /investments']).toBe(1);
    expect(requests['GET /investments/:id/transactions']).toBeUndefined();
    expect(auditOf(item.id, 'open_finance.sync.investments').at(-1)?.details).toMatchObject({
      movementsRead: 0,
      unchanged: (await truthOf(item.id)).investments.length,
    });
  });

  it('a bank that covers neither product reads as not covered, with no rows and no requests', async () => {
    const nubank = await world.client.createItem({ connectorId: 602, parameters: { cpf: '76109277673' } });
    upsertConnection(world.db, nubank);
    await world.resetCounts();
    expect((await world.engine.sync(nubank.id, 'connect').done).outcome).toBe('success');
    const requests = await world.requestCounts();
    expect(requests['GET /investments']).toBeUndefined();
    expect(requests['GET /loans']).toBeUndefined();
    expect(listInvestments(world.db, { connectionId: nubank.id })).toEqual([]);
    expect(listLoans(world.db, { connectionId: nubank.id })).toEqual([]);
    expect(listProductReads(world.db).filter((p) => p.connectionId === nubank.id)).toEqual([
      expect.objectContaining({ product: 'investments', state: 'not_covered', readAt: null }),
      expect.objectContaining({ product: 'loans', state: 'not_covered', readAt: null }),
    ]);
    expect(auditOf(nubank.id, 'open_finance.sync.investments')[0]?.details).toMatchObject({ covered: false });
  });

  it('a product that fails is a warning and its own state: the run succeeds and keeps what was stored', async () => {
    const engine = createSyncEngine({
      db: world.db,
      api: {
        getItem: (id) => world.client.getItem(id),
        updateItem: (id, input) => world.client.updateItem(id, input),
        listAccounts: (id, type) => world.client.listAccounts(id, type),
        transactionPages: (id, query, decode) => world.client.transactionPages(id, query, decode),
        listInvestments: (id, signal) => world.client.listInvestments(id, signal),
        investmentTransactions: (id, signal) => world.client.investmentTransactions(id, signal),
        listLoans: () => Promise.reject(new Error('connection reset by the bank')),
      },
      clock: systemSleepClock,
      events: world.events,
      logger: silentLogger(),
    });
    const before = listLoans(world.db, { connectionId: item.id });
    const result = await engine.sync(item.id, 'manual').done;
    await engine.drain();
    expect(result.outcome).toBe('success');
    expect(listLoans(world.db, { connectionId: item.id })).toEqual(before);
    const reads = listProductReads(world.db).filter((p) => p.connectionId === item.id);
    expect(reads.find((p) => p.product === 'loans')).toMatchObject({
      state: 'failed',
      errorCode: 'unexpected',
    });
    expect(reads.find((p) => p.product === 'loans')?.readAt).not.toBeNull();
    expect(reads.find((p) => p.product === 'investments')).toMatchObject({ state: 'read' });
    expect(auditOf(item.id, 'open_finance.sync.loans').at(-1)).toMatchObject({ outcome: 'failure' });
  });
});

function pick(s: ReturnType<typeof listInvestments>[number]) {
  return {
    id: s.id,
    type: s.type,
    subtype: s.subtype,
    name: s.name,
    status: s.status,
    balance: s.balance,
    amount: s.amount,
    amountOriginal: s.amountOriginal,
    amountProfit: s.amountProfit,
    taxes: s.taxes,
    dueDate: s.dueDate,
    purchaseDate: s.purchaseDate,
  };
}

function pickLoan(l: ReturnType<typeof listLoans>[number]) {
  return {
    id: l.id,
    kind: l.kind,
    productName: l.productName,
    contractNumber: l.contractNumber,
    contractAmount: l.contractAmount,
    outstandingBalance: l.outstandingBalance,
    installmentsTotal: l.installmentsTotal,
    installmentsPaid: l.installmentsPaid,
    installmentsDue: l.installmentsDue,
    interestRate: l.interestRate,
  };
}
