// One card reachable through two links (a bank and its card connector): found, counted once in spending,
// and the person picks which copy counts, or says they are different cards; the choice outlives syncs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Transaction } from '../../../src/shared/pluggy';
import { owedOnCards } from '../../../src/core/bills/owed-on-cards';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';

let world: CoreWorld;
let first = '';
let second = '';
let cardA: Account;
let cardB: Account;

async function truth(itemId: string): Promise<{ accounts: Account[]; transactions: Transaction[] }> {
  const res = await fetch(`${world.sandbox.url}/__sandbox/truth?itemId=${itemId}`);
  return (await res.json()) as { accounts: Account[]; transactions: Transaction[] };
}

async function sync(itemId: string): Promise<void> {
  await world.call('connections.sync', { itemId });
  await world.settle(itemId);
}

/** Money out on a card over every month it has rows, as "Gastos por categoria" sums it. */
async function cardSpending(accountId: string, months: string[]): Promise<number> {
  let sum = 0;
  for (const month of months) {
    const rows = await world.call('charts.spending', { month, accountIds: [accountId] });
    sum += rows.reduce((s, r) => s + r.outflow, 0);
  }
  return sum;
}

let months: string[] = [];
/** What net worth takes away for cards while one copy is left out. */
let owedWithOneCopy = 0;

beforeAll(async () => {
  world = await startCoreWorld({ sandbox: { seed: 'duplicate-accounts', transactionsPerAccount: 20 } });
  first = await world.connect('user-ok');
  await world.settle(first);
  second = await world.connect('user-ok', 2);
  await world.settle(second);
  cardA = (await truth(first)).accounts.find((a) => a.type === 'CREDIT')!;
  cardB = (await truth(second)).accounts.find((a) => a.type === 'CREDIT')!;
  // The second link lists the same card: same number (written with its mask), same holder.
  const res = await fetch(`${world.sandbox.url}/__sandbox/malform`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountId: cardB.id, patch: { number: `**** ${cardA.number}` } }),
  });
  expect(res.status).toBe(200);
  await sync(second);
  months = [
    ...new Set(
      (await truth(second)).transactions
        .filter((t) => t.accountId === cardB.id)
        .map((t) => t.date.slice(0, 7)),
    ),
  ];
}, 90_000);
afterAll(() => world.close());

describe('an account under two links', () => {
  it('is found on both copies; the one Cofre saw first counts, the other is left out of spending', async () => {
    const accounts = await world.call('accounts.list', {});
    const a = accounts.find((x) => x.id === cardA.id)!;
    const b = accounts.find((x) => x.id === cardB.id)!;
    expect(a.duplicate).toMatchObject({ counted: true, chosenByPerson: false });
    expect(b.duplicate).toMatchObject({ counted: false, chosenByPerson: false });
    expect(a.duplicate!.copies.map((c) => c.accountId)).toEqual([cardB.id]);
    expect(b.duplicate!.copies.map((c) => c.accountId)).toEqual([cardA.id]);
    // Nothing else is taken for a copy.
    expect(accounts.filter((x) => x.duplicate !== null)).toHaveLength(2);
    expect(await cardSpending(cardB.id, months)).toBe(0);
    expect(await cardSpending(cardA.id, months)).toBeGreaterThan(0);
    // The copy's rows are said to be left out as a copy, not as moves between accounts.
    const totals = await world.call('transactions.totals', { filter: { accountIds: [cardB.id] } });
    const rows = await world.call('transactions.count', { filter: { accountIds: [cardB.id] } });
    expect(totals).toMatchObject({ count: 0, copyCount: rows.count, movedCount: 0 });
    owedWithOneCopy = (await world.call('investments.netWorth', {})).openBills!;
  });

  it('counts the copy the person keeps, through later syncs', async () => {
    const kept = await world.call('accounts.chooseDuplicate', { accountId: cardB.id, choice: 'keep' });
    expect(kept.keptAccountId).toBe(cardB.id);
    await sync(first);
    await sync(second);
    const accounts = await world.call('accounts.list', {});
    expect(accounts.find((x) => x.id === cardB.id)!.duplicate).toMatchObject({
      counted: true,
      chosenByPerson: true,
    });
    expect(accounts.find((x) => x.id === cardA.id)!.duplicate).toMatchObject({ counted: false });
    expect(await cardSpending(cardA.id, months)).toBe(0);
    expect(await cardSpending(cardB.id, months)).toBeGreaterThan(0);
  });

  it('counts both once the person says they are different cards', async () => {
    await world.call('accounts.chooseDuplicate', { accountId: cardA.id, choice: 'separate' });
    await sync(second);
    const accounts = await world.call('accounts.list', {});
    expect(accounts.every((x) => x.duplicate === null)).toBe(true);
    expect(await cardSpending(cardA.id, months)).toBeGreaterThan(0);
    expect(await cardSpending(cardB.id, months)).toBeGreaterThan(0);
    // Net worth now takes away what is owed on both cards: the copy's debt comes back in.
    const { cards } = await world.call('bills.cards', {});
    const [owedB] = owedOnCards(cards.filter((c) => c.accountId === cardB.id));
    expect(owedB!.total).toBeGreaterThan(0);
    expect((await world.call('investments.netWorth', {})).openBills).toBe(owedWithOneCopy - owedB!.total);
  });

  it('refuses a choice on an account with no copy', async () => {
    await expect(
      world.call('accounts.chooseDuplicate', { accountId: cardA.id, choice: 'keep' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
