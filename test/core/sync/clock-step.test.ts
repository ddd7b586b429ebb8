import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src/core/events/event-bus';
import { silentLogger } from '../../../src/core/logging/logger';
import { createSyncEngine } from '../../../src/core/sync/sync-engine';
import { offsetClock } from '../../helpers/core-world';
import { startSyncWorld, storedIds, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 300 });
});
afterAll(() => world.close());

describe('removal detection with a clock stepped back', () => {
  it('still marks what Pluggy deleted when the PC clock went back between runs', async () => {
    const clock = offsetClock();
    const engine = createSyncEngine({
      db: world.db,
      api: world.client,
      clock,
      events: createEventBus(),
      logger: silentLogger(),
    });
    const item = await world.connect('user-ok');
    expect((await engine.sync(item.id, 'connect').done).outcome).toBe('success');
    for (let round = 0; round < 3; round++) {
      await world.advance(item.id);
      // E.g. the clock synchronised after running fast: every earlier run now seems to be in the future.
      clock.advance(-2 * 3_600_000);
      expect((await engine.sync(item.id, 'manual').done).outcome).toBe('success');
      const truth = (await world.truth(item.id)).transactions.map((t) => t.id).sort();
      expect(storedIds(world.db, item.id), `round ${round}`).toEqual(truth);
    }
    await engine.drain();
  });
});
