import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSyncRuns } from '../../../src/core/store';
import { startSyncWorld, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 300, executionMs: 300 });
});
afterAll(() => world.close());

describe('a manual sync during a background run', () => {
  it('is followed by a run that refreshes at the bank, which further clicks join', async () => {
    const item = await world.connect('user-ok');
    expect((await world.engine.sync(item.id, 'connect').done).outcome).toBe('success');
    await world.resetCounts();

    const background = world.engine.sync(item.id, 'webhook');
    const click = world.engine.sync(item.id, 'manual');
    const again = world.engine.sync(item.id, 'manual');
    expect(click.runId).not.toBe(background.runId);
    expect(again.runId).toBe(click.runId);
    expect((await background.done).outcome).toBe('success');
    expect((await click.done).outcome).toBe('success');

    const runs = listSyncRuns(world.db, item.id, 3).reverse();
    expect(runs.map((r) => [r.reason, r.outcome])).toEqual([
      ['connect', 'success'],
      ['webhook', 'success'],
      ['manual', 'success'],
    ]);
    const counts = await world.requestCounts();
    expect(counts['PATCH /items/:id']).toBe(1);
  });

  it('joins a run that refreshes already', async () => {
    const item = await world.connect('user-ok');
    expect((await world.engine.sync(item.id, 'connect').done).outcome).toBe('success');
    const first = world.engine.sync(item.id, 'retry');
    const click = world.engine.sync(item.id, 'manual');
    expect(click).toMatchObject({ runId: first.runId, started: false });
    await click.done;
  });
});
