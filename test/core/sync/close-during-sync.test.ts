import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';

let world: CoreWorld;
beforeAll(async () => {
  world = await startCoreWorld({ sandbox: { transactionsPerAccount: 200, executionMs: 400 } });
});
afterAll(() => world.close());

describe('closing the core while syncs run', () => {
  it('waits for the run, starts no follow-up after it, and leaves nothing unhandled', async () => {
    const itemId = await world.connect('user-ok');
    // A webhook while the first sync waits on the bank only wakes it.
    const event = { event: 'item/updated', eventId: 'evt-close-1', itemId, triggeredBy: 'SYNC' };
    expect((await world.core.intakeWebhook(event)).action).toBe('wake');
    // Once it reads, a hint chains a follow-up run to it.
    await new Promise<void>((resolve) => {
      const off = world.core.events.on('sync.progress', (p) => {
        if (p.itemId === itemId && p.phase === 'transactions') {
          off();
          resolve();
        }
      });
    });
    const hint = await world.core.intakeWebhook({
      ...event,
      event: 'transactions/created',
      eventId: 'evt-close-2',
      accountId: 'a',
      transactionsCreatedAtFrom: new Date().toISOString(),
    });
    expect(hint.action).toBe('sync');
    await world.core.close();
    // Reopen for the rest of the file: the connection and its runs are intact, none left running.
    await world.restartCore();
    const runs = await world.call('sync.runs', { itemId, limit: 10 });
    expect(runs.every((r) => r.outcome !== 'running')).toBe(true);
    expect(runs[0]).toMatchObject({ reason: 'webhook', outcome: 'cancelled' });
  });
});
