// A compromised (or forged-into) relay: it carries no financial data, so the worst it should manage is to
// start syncs. Events are hints; after the next sync the DB must equal Pluggy's data again.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreWorld, type CoreWorld } from '../helpers/core-world';

let world: CoreWorld;
let itemId: string;
beforeAll(async () => {
  world = await startCoreWorld({ sandbox: { transactionsPerAccount: 120, seed: 'compromised-relay' } });
  itemId = await world.connect('user-ok');
  await world.settle(itemId);
});
afterAll(() => world.close());

async function liveIds(): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | undefined;
  for (;;) {
    const page = await world.call('transactions.page', {
      filter: {},
      limit: 500,
      ...(after ? { after } : {}),
    });
    for (const row of page.rows) ids.add(row.id);
    if (!page.next) return ids;
    after = page.next;
  }
}

describe('a compromised relay', () => {
  it('cannot inject data: an event naming unknown items or rows changes nothing', async () => {
    const before = await liveIds();
    for (const event of [
      {
        event: 'transactions/created',
        eventId: randomUUID(),
        itemId: randomUUID(),
        accountId: 'x',
        transactionsCreatedAtFrom: '2020-01-01T00:00:00.000Z',
        createdTransactionsLink: 'https://evil.example/',
      },
      {
        event: 'transactions/deleted',
        eventId: randomUUID(),
        itemId: randomUUID(),
        accountId: 'x',
        transactionIds: ['not-a-row'],
      },
      {
        event: 'item/deleted',
        eventId: randomUUID(),
        itemId: randomUUID(),
        id: randomUUID(),
        triggeredBy: 'USER',
      },
    ]) {
      await world.core.intakeWebhook(event).catch(() => undefined);
    }
    expect(await liveIds()).toEqual(before);
  });

  // Found by this suite and fixed: the intake used to mark the listed ids removed straight from the event.
  // Now it asks Pluggy and removes only what Pluggy no longer lists, for the item's own account.
  it('ignores a forged transactions/deleted of a row Pluggy still lists', async () => {
    // Move the watermark past the first sync's rows (new data, newer ingestion time), as days of use would.
    await fetch(`${world.sandbox.url}/__sandbox/advance?itemId=${itemId}`, { method: 'POST' });
    await world.call('connections.sync', { itemId });
    await world.settle(itemId);
    // A row older than the sync's 7-day re-read window.
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const page = await world.call('transactions.page', {
      filter: { dateTo: monthAgo, status: 'POSTED' },
      limit: 5,
    });
    const oldest = page.rows[0]!;
    await world.core.intakeWebhook({
      event: 'transactions/deleted',
      eventId: randomUUID(),
      itemId,
      accountId: oldest.accountId,
      transactionIds: [oldest.id],
    });
    expect((await liveIds()).has(oldest.id)).toBe(true);
    await world.call('connections.sync', { itemId });
    await world.settle(itemId);
    expect((await liveIds()).has(oldest.id)).toBe(true);
  });
});
