import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemSleepClock } from '../../../src/core/clock';
import { createEventBus } from '../../../src/core/events/event-bus';
import { silentLogger } from '../../../src/core/logging/logger';
import type { SyncApi } from '../../../src/core/sync/sync-api';
import { createSyncEngine } from '../../../src/core/sync/sync-engine';
import { startSyncWorld, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 400, pageSize: 50 });
});
afterAll(() => world.close());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The sandbox's API, with the first account's first page failing and every other page a little slow. */
function failingFirstAccount(failOn: string) {
  const log = { requests: 0, afterEnd: 0, ended: false };
  const count = () => {
    log.requests += 1;
    if (log.ended) log.afterEnd += 1;
  };
  const api: SyncApi = {
    getItem: (id) => world.client.getItem(id),
    updateItem: (id) => world.client.updateItem(id),
    listAccounts: (id, type) => world.client.listAccounts(id, type),
    async *transactionPages(accountId, query, decode) {
      count();
      if (accountId === failOn) throw new Error('connection reset by the bank');
      for await (const page of world.client.transactionPages(accountId, query, decode)) {
        yield page;
        await pause(15);
        count();
      }
    },
  };
  return { api, log };
}

describe('a run one of whose accounts fails', () => {
  it('stops its other account reads, waits for them, and nothing reads or writes after it ended', async () => {
    const item = await world.connect('user-ok');
    // The bank's first execution creates the accounts.
    await expect.poll(async () => (await world.truth(item.id)).accounts.length).toBeGreaterThan(2);
    const accounts = (await world.truth(item.id)).accounts.map((a) => a.id);
    expect(accounts.length).toBeGreaterThan(2);
    const { api, log } = failingFirstAccount(accounts[0]!);
    const events = createEventBus();
    const engine = createSyncEngine({
      db: world.db,
      api,
      clock: systemSleepClock,
      events,
      logger: silentLogger(),
      accountConcurrency: 2,
    });
    const phases: string[] = [];
    events.on('sync.progress', (p) => phases.push(p.phase));
    const writes = () =>
      world.db
        .prepare(
          'SELECT count(*) FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE a.connection_id = ?',
        )
        .pluck()
        .get(item.id);

    const result = await engine.sync(item.id, 'connect').done;
    log.ended = true;
    expect(result.outcome).toBe('failed');
    const rowsAtEnd = writes();
    await engine.drain();
    await pause(1500);

    expect(phases.at(-1)).toBe('failed');
    expect(phases.slice(phases.indexOf('failed') + 1)).toEqual([]);
    expect(log.afterEnd).toBe(0);
    expect(writes()).toBe(rowsAtEnd);
  });
});
