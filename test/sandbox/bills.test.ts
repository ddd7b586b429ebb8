// The sandbox's faturas: closed bills in every payment state with charges, card transactions linked to them,
// parcelas across successive bills with the next ones sent ahead as PENDING.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxTruth } from '../../src/sandbox';
import { Account, Bill, Page, type Transaction } from '../../src/shared/pluggy';
import { OK, startClient, type SandboxClient } from './helpers';

describe('sandbox bills', () => {
  let c: SandboxClient;
  let card: Account;
  let bills: Bill[];
  let truth: SandboxTruth;
  let cardTxs: Transaction[];
  beforeAll(async () => {
    c = await startClient({ transactionsPerAccount: 600, seed: 'bills-test' });
    const item = (await c.waitItem((await c.createItem(OK)).id)).item;
    const accounts = (await c.ok(Page(Account), 'GET', `/accounts?itemId=${item.id}`)).body.results;
    card = accounts.find((a) => a.type === 'CREDIT')!;
    bills = (await c.ok(Page(Bill), 'GET', `/bills?accountId=${card.id}`)).body.results;
    truth = (await c.ok(SandboxTruth, 'GET', `/__sandbox/truth?itemId=${item.id}`)).body;
    cardTxs = truth.transactions.filter((t) => t.accountId === card.id);
  });
  afterAll(async () => c.sandbox.close());

  it('lists a year of closed bills, newest first, due 7 to 10 days after closing on one day of each month', () => {
    expect(bills.length).toBeGreaterThanOrEqual(12);
    const dues = bills.map((b) => Date.parse(b.dueDate));
    expect([...dues].sort((a, b) => b - a)).toEqual(dues);
    for (const b of bills) {
      expect(b.accountId).toBe(card.id);
      const days = (Date.parse(b.dueDate) - Date.parse(b.billClosingDate!)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(7);
      expect(days).toBeLessThanOrEqual(10);
    }
    expect(new Set(bills.map((b) => b.dueDate.slice(8, 10))).size).toBe(1);
    expect(new Set(bills.map((b) => b.dueDate.slice(0, 7))).size).toBe(bills.length);
  });

  it('keeps one due day for a card closing late in the month, one bill due in each month', async () => {
    const late = await startClient({ transactionsPerAccount: 600, seed: 'bills-late-closing' });
    try {
      for (let n = 0; n < 40; n++) {
        const item = (await late.waitItem((await late.createItem(OK)).id)).item;
        const accounts = (await late.ok(Page(Account), 'GET', `/accounts?itemId=${item.id}`)).body.results;
        const lateCard = accounts.find((a) => a.type === 'CREDIT')!;
        const list = (await late.ok(Page(Bill), 'GET', `/bills?accountId=${lateCard.id}`)).body.results;
        if (Number(list[0]!.billClosingDate!.slice(8, 10)) <= 21) continue;
        expect(new Set(list.map((b) => b.dueDate.slice(8, 10))).size).toBe(1);
        expect(new Set(list.map((b) => b.dueDate.slice(0, 7))).size).toBe(list.length);
        return;
      }
      throw new Error('no card closing after the 21st in 40 items');
    } finally {
      await late.sandbox.close();
    }
  });

  it('has bills paid in full, partly paid and unpaid, and finance charges after the unpaid ones', () => {
    const paid = (b: Bill) => b.payments.reduce((s, p) => s + p.amount, 0);
    const due = bills.filter((b) => Date.parse(b.dueDate) <= Date.now() && b.totalAmount > 0);
    expect(due.some((b) => b.payments.some((p) => p.valueType === 'FULL_PAYMENT'))).toBe(true);
    expect(due.some((b) => paid(b) > 0 && paid(b) < b.totalAmount)).toBe(true);
    expect(due.some((b) => b.payments.length === 0)).toBe(true);
    const types = new Set(bills.flatMap((b) => b.financeCharges.map((f) => f.type)));
    for (const t of [
      'IOF',
      'LATE_PAYMENT_REMUNERATIVE_INTEREST',
      'LATE_PAYMENT_FEE',
      'LATE_PAYMENT_INTEREST',
    ])
      expect(types).toContain(t);
  });

  it('links each card transaction of a closed bill by billId and the open bill’s by billForecastDate alone', () => {
    const ids = new Set(bills.map((b) => b.id));
    const open = truth.openBills.find((o) => o.accountId === card.id)!;
    expect(open.closingDate).toBe(card.creditData?.balanceCloseDate);
    for (const t of cardTxs) {
      const meta = t.creditCardMetadata!;
      expect(meta.billForecastDate).toMatch(/^\d{4}-\d{2}$/);
      if (meta.billId) expect(ids.has(meta.billId)).toBe(true);
      else expect(meta.billForecastDate! >= open.billForecastDate).toBe(true);
    }
    expect(cardTxs.some((t) => t.creditCardMetadata?.billForecastDate === open.billForecastDate)).toBe(true);
  });

  it('gives the card the balance its bills say is owed: the open fatura’s total and what is left on the last bill', () => {
    const open = truth.openBills.find((o) => o.accountId === card.id)!;
    const cents = (reais: number) => Math.round(reais * 100);
    const openCents = cardTxs
      .filter(
        (t) =>
          !t.creditCardMetadata?.billId && t.creditCardMetadata?.billForecastDate === open.billForecastDate,
      )
      .reduce((s, t) => s + cents(t.amountInAccountCurrency ?? t.amount), 0);
    const last = bills[0]!;
    const leftCents = Math.max(
      0,
      cents(last.totalAmount) - last.payments.reduce((s, p) => s + cents(p.amount), 0),
    );
    expect(cents(card.balance)).toBe(openCents + leftCents);
    expect(card.creditData!.availableCreditLimit).toBeCloseTo(
      card.creditData!.creditLimit! - card.balance,
      2,
    );
  });

  it('spreads parcelas over successive bills and sends the coming ones as PENDING', () => {
    const parcelas = cardTxs.filter((t) => (t.creditCardMetadata?.totalInstallments ?? 1) > 1);
    const byPurchase = new Map<string, Transaction[]>();
    for (const t of parcelas) {
      const key = t.creditCardMetadata!.purchaseDate!;
      byPurchase.set(key, [...(byPurchase.get(key) ?? []), t]);
    }
    expect(byPurchase.size).toBeGreaterThanOrEqual(3);
    for (const series of byPurchase.values()) {
      const months = series
        .sort((a, b) => a.creditCardMetadata!.installmentNumber! - b.creditCardMetadata!.installmentNumber!)
        .map((t) => t.creditCardMetadata!.billForecastDate!);
      expect(new Set(months).size).toBe(months.length);
    }
    const ahead = parcelas.filter((t) => Date.parse(t.date) > Date.now());
    expect(ahead.length).toBeGreaterThan(0);
    for (const t of ahead) {
      expect(t.status).toBe('PENDING');
      expect(t.creditCardMetadata?.billId).toBeUndefined();
    }
    expect(truth.installmentsAhead.filter((a) => a.accountId === card.id).length).toBeGreaterThan(2);
  });

  it('answers one bill by id and refuses an unknown one as the spec shows', async () => {
    const one = (await c.ok(Bill, 'GET', `/bills/${bills[0]!.id}`)).body;
    expect(one).toEqual(bills[0]);
    const missing = await c.fail('GET', '/bills/3f3f3f3f-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.codeDescription).toBe('CREDIT_CARD_BILL_NOT_FOUND');
  });
});
