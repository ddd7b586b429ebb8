// Faturas read by a sync against the sandbox: bills stored as the ground truth says, each card transaction in
// its fatura, parcelas ahead per month as the truth's future installments, and a failing /bills not failing the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFaturas, cardsView, creditCards, OPEN_KEY_PREFIX } from '../../../src/core/bills/card-faturas';
import { owedOnCards } from '../../../src/core/bills/owed-on-cards';
import { systemSleepClock } from '../../../src/core/clock';
import { silentLogger } from '../../../src/core/logging/logger';
import { PluggyApiError } from '../../../src/core/pluggy/errors';
import { pageAudit } from '../../../src/core/audit/query';
import { listBillReads, listBills } from '../../../src/core/store';
import type { SyncApi } from '../../../src/core/sync/sync-api';
import { createSyncEngine } from '../../../src/core/sync/sync-engine';
import { SandboxTruth } from '../../../src/sandbox';
import { toCentavos } from '../../../src/shared/money';
import { startSyncWorld, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
let itemId: string;
let truth: SandboxTruth;
beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 500, pageSize: 250, seed: 'bills-sync' });
  itemId = (await world.connect('user-ok')).id;
  expect((await world.engine.sync(itemId, 'connect').done).outcome).toBe('success');
  truth = SandboxTruth.parse(await world.truth(itemId));
});
afterAll(() => world.close());

describe('a sync’s faturas against the sandbox', () => {
  it('stores every bill of every card as Pluggy lists it, in centavos', () => {
    const stored = listBills(world.db);
    expect(stored.map((b) => b.id).sort()).toEqual(truth.bills.map((b) => b.id).sort());
    const byId = new Map(stored.map((b) => [b.id, b]));
    for (const b of truth.bills) {
      const s = byId.get(b.id)!;
      expect(s.accountId).toBe(b.accountId);
      expect(s.dueDate).toBe(b.dueDate);
      expect(s.closingDate).toBe(b.billClosingDate);
      expect(s.totalAmount).toBe(toCentavos(b.totalAmount));
      expect(s.minimumPayment).toBe(toCentavos(b.minimumPaymentAmount!));
      expect(s.financeCharges.map((c) => [c.type, c.amount])).toEqual(
        b.financeCharges.map((c) => [c.type, toCentavos(c.amount)]),
      );
      expect(s.payments.map((p) => [p.valueType, p.amount, p.paymentDate])).toEqual(
        b.payments.map((p) => [p.valueType, toCentavos(p.amount), p.paymentDate]),
      );
    }
    expect(listBillReads(world.db).every((r) => r.readAt !== null && r.errorCode === null)).toBe(true);
  });

  it('puts each card transaction in its fatura: closed ones by billId, the open one by billForecastDate', () => {
    const now = Date.now();
    const placed = new Map<string, string>();
    for (const card of creditCards(world.db)) {
      const c = cardFaturas(world.db, card, now);
      for (const f of c.closed) for (const r of f.rows) placed.set(r.id, f.bill.id);
      for (const r of c.openRows) placed.set(r.id, `${OPEN_KEY_PREFIX}${c.openMonth}`);
    }
    const cards = new Set(truth.accounts.filter((a) => a.type === 'CREDIT').map((a) => a.id));
    const open = new Map(truth.openBills.map((o) => [o.accountId, o.billForecastDate]));
    let checked = 0;
    for (const t of truth.transactions.filter((x) => cards.has(x.accountId))) {
      const meta = t.creditCardMetadata!;
      const expected = meta.billId
        ? meta.billId
        : meta.billForecastDate === open.get(t.accountId)
          ? `${OPEN_KEY_PREFIX}${meta.billForecastDate}`
          : undefined;
      expect(placed.get(t.id), t.id).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('commits for each coming month exactly the truth’s future installments, per card and in total', () => {
    const view = cardsView(world.db, Date.now());
    for (const card of view.cards) {
      const expected = truth.installmentsAhead
        .filter((a) => a.accountId === card.accountId)
        .map(({ month, cents }) => ({ month, cents }));
      expect(card.ahead).toEqual(expected);
      expect(card.open?.month).toBe(
        truth.openBills.find((o) => o.accountId === card.accountId)?.billForecastDate,
      );
    }
    const total = new Map<string, number>();
    for (const a of truth.installmentsAhead) total.set(a.month, (total.get(a.month) ?? 0) + a.cents);
    expect(view.aheadTotal).toEqual([...total].sort().map(([month, cents]) => ({ month, cents })));
  });

  it('owes on each card its open fatura’s entries and what is left to pay on its last closed bill', () => {
    const owed = owedOnCards(cardsView(world.db, Date.now()).cards);
    const cards = truth.accounts.filter((a) => a.type === 'CREDIT');
    expect(owed).toHaveLength(cards.length);
    for (const [i, card] of cards.entries()) {
      const open = truth.openBills.find((o) => o.accountId === card.id)!;
      const openCents = truth.transactions
        .filter((t) => t.accountId === card.id && !t.creditCardMetadata?.billId)
        .filter((t) => t.creditCardMetadata?.billForecastDate === open.billForecastDate)
        .reduce((sum, t) => sum + toCentavos(t.amountInAccountCurrency ?? t.amount), 0);
      const last = truth.bills
        .filter((b) => b.accountId === card.id)
        .sort((a, b) => b.dueDate.localeCompare(a.dueDate))[0]!;
      const left = Math.max(
        0,
        toCentavos(last.totalAmount) - last.payments.reduce((sum, p) => sum + toCentavos(p.amount), 0),
      );
      expect(owed[i]).toEqual({ total: openCents + left, currencyCode: 'BRL' });
    }
  });

  it('audits what the run read for bills', () => {
    const entries = pageAudit(world.db, { limit: 200 }).rows.filter(
      (e) => e.action === 'open_finance.sync.bills',
    );
    expect(entries[0]?.details).toMatchObject({ cards: 1, read: truth.bills.length, failedCards: 0 });
  });

  it('finishes the run when /bills fails, with a warning and the card’s bills state', async () => {
    const failing: SyncApi = {
      ...world.client,
      listBills: () =>
        Promise.reject(new PluggyApiError({ message: 'boom', status: 500, method: 'GET', path: '/bills' })),
    };
    const engine = createSyncEngine({
      db: world.db,
      api: failing,
      clock: systemSleepClock,
      events: world.events,
      logger: silentLogger(),
    });
    expect((await engine.sync(itemId, 'poll').done).outcome).toBe('success');
    await engine.drain();
    const reads = listBillReads(world.db);
    expect(reads[0]).toMatchObject({ errorCode: 'http_500' });
    expect(reads[0]?.readAt).not.toBeNull();
    expect(listBills(world.db)).toHaveLength(truth.bills.length);
  });
});
