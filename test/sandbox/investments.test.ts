// The sandbox's investments and loans: per item once synced, paged as the spec says, none where the bank has none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Investment, InvestmentTransactionPage, Loan, Page, type Item } from '../../src/shared/pluggy';
import { SandboxTruth } from '../../src/sandbox';
import { OK, startClient, type SandboxClient } from './helpers';

const NUBANK = 602;

describe('sandbox investments and loans', () => {
  let c: SandboxClient;
  let item: Item;
  beforeAll(async () => {
    c = await startClient({ transactionsPerAccount: 20 });
    item = (await c.waitItem((await c.createItem(OK)).id)).item;
  });
  afterAll(async () => c.sandbox.close());

  const truthOf = async (id: string) =>
    (await c.ok(SandboxTruth, 'GET', `/__sandbox/truth?itemId=${id}`)).body;

  it('lists positions of every kind a Brazilian holds, equal to the ground truth', async () => {
    const list = (await c.ok(Page(Investment), 'GET', `/investments?itemId=${item.id}`)).body;
    const truth = await truthOf(item.id);
    expect(list.results).toEqual(truth.investments);
    const subtypes = new Set(list.results.map((i) => i.subtype));
    for (const s of ['CDB', 'LCI', 'TREASURY', 'MULTIMARKET_FUND', 'STOCK', 'RETIREMENT'])
      expect(subtypes).toContain(s);
    const cdb = list.results.find((i) => i.subtype === 'CDB' && i.status === 'ACTIVE')!;
    expect(cdb.dueDate).toBeTruthy();
    expect(cdb.amountProfit).toBeCloseTo(cdb.amount! - cdb.amountOriginal!, 2);
    // Some kinds come without a profit figure, as real ones do.
    expect(list.results.some((i) => i.amountProfit === undefined)).toBe(true);
  });

  it('pages investments and their movements with page and pageSize', async () => {
    const all = (await c.ok(Page(Investment), 'GET', `/investments?itemId=${item.id}`)).body.results;
    const second = (await c.ok(Page(Investment), 'GET', `/investments?itemId=${item.id}&pageSize=4&page=2`))
      .body;
    expect(second).toMatchObject({ page: 2, total: all.length, totalPages: Math.ceil(all.length / 4) });
    expect(second.results).toEqual(all.slice(4, 8));
    const pension = all.find((i) => i.subtype === 'RETIREMENT')!;
    const moves = (
      await c.ok(
        InvestmentTransactionPage,
        'GET',
        `/investments/${pension.id}/transactions?pageSize=5&page=3`,
      )
    ).body;
    expect(moves).toMatchObject({ page: 3, total: 12, totalPages: 3 });
    expect(moves.results).toHaveLength(2);
    const truth = await truthOf(item.id);
    expect(moves.results).toEqual(truth.investmentTransactions[pension.id]!.slice(10));
  });

  it('lists loans with contract, outstanding balance, installments and rate', async () => {
    const loans = (await c.ok(Page(Loan), 'GET', `/loans?itemId=${item.id}`)).body.results;
    expect(loans).toEqual((await truthOf(item.id)).loans);
    expect(loans.length).toBeGreaterThan(0);
    for (const loan of loans) {
      expect(loan.contractNumber).toBeTruthy();
      expect(loan.payments?.contractOutstandingBalance).toBeGreaterThan(0);
      expect(loan.payments!.contractOutstandingBalance!).toBeLessThan(loan.contractAmount!);
      const i = loan.installments!;
      expect(i.paidInstallments! + i.dueInstallments!).toBe(i.totalNumberOfInstallments);
      expect(loan.interestRates?.[0]?.preFixedRate).toBeGreaterThan(0);
    }
    const one = (await c.ok(Loan, 'GET', `/loans/${loans[0]!.id}`)).body;
    expect(one).toEqual(loans[0]);
  });

  it('answers empty lists for a bank that covers neither product, and says so in the truth', async () => {
    const nubank = (await c.waitItem((await c.createItem({ cpf: '76109277673' }, NUBANK)).id)).item;
    expect(nubank.status).toBe('UPDATED');
    expect(nubank.connector.products).not.toContain('INVESTMENTS');
    const list = (await c.ok(Page(Investment), 'GET', `/investments?itemId=${nubank.id}`)).body;
    expect(list).toEqual({ results: [], page: 1, total: 0, totalPages: 1 });
    expect((await c.ok(Page(Loan), 'GET', `/loans?itemId=${nubank.id}`)).body.results).toEqual([]);
    expect((await truthOf(nubank.id)).covers).toEqual({ investments: false, loans: false });
    expect((await truthOf(item.id)).covers).toEqual({ investments: true, loans: true });
  });

  it('an item that does not collect investments lists none', async () => {
    const created = await c.createItem(OK, 0, { products: ['ACCOUNTS', 'TRANSACTIONS', 'LOANS'] });
    const done = (await c.waitItem(created.id)).item;
    expect((await c.ok(Page(Investment), 'GET', `/investments?itemId=${done.id}`)).body.total).toBe(0);
    expect((await c.ok(Page(Loan), 'GET', `/loans?itemId=${done.id}`)).body.total).toBeGreaterThan(0);
  });

  it('positions grow and a loan gets one more installment paid after a later sync with new data', async () => {
    const before = await truthOf(item.id);
    await c.ok(z.unknown(), 'POST', `/__sandbox/advance?itemId=${item.id}`);
    await c.ok(z.unknown(), 'PATCH', `/items/${item.id}`, { body: {} });
    await c.waitItem(item.id, (i) => i.status === 'UPDATED' && i.lastUpdatedAt !== item.lastUpdatedAt);
    const after = await truthOf(item.id);
    const cdbBefore = before.investments.find((i) => i.subtype === 'LCI')!;
    const cdbAfter = after.investments.find((i) => i.id === cdbBefore.id)!;
    expect(cdbAfter.balance).toBeGreaterThan(cdbBefore.balance);
    expect(after.loans[0]!.installments!.paidInstallments).toBe(
      before.loans[0]!.installments!.paidInstallments! + 1,
    );
  });
});
