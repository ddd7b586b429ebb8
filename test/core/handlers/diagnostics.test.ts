import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';

let world: CoreWorld;
beforeAll(async () => {
  world = await startCoreWorld({ sandbox: { transactionsPerAccount: 50 } });
  await world.settle(await world.connect('user-ok'));
});
afterAll(() => world.close());

describe('diagnostics', () => {
  it('reports database sizes, rows per table and cache health; integrity only when asked', async () => {
    const quick = await world.call('diagnostics.database', {});
    expect(quick.integrity).toBeNull();
    expect(quick.rows['transactions']).toBeGreaterThan(0);
    expect(quick.schemaVersion).toBeGreaterThanOrEqual(50);
    expect(quick.cache.ok).toBe(true);
    const full = await world.call('diagnostics.database', { integrityCheck: true });
    expect(full.integrity).toEqual(['ok']);
  });

  it('keeps health.get cheap and healthy with data in the store', async () => {
    const health = await world.call('health.get', {});
    expect(health.status).toBe('ok');
    expect(health.checks.map((c) => c.name)).toEqual(['dataDir', 'database', 'settings', 'pluggy', 'relay']);
    // Each check says its result as a message the screen translates; the raw detail is for support.
    expect(health.checks.map((c) => [c.messageKey, c.messageParams])).toEqual([
      ['dataDir.writable', {}],
      ['database.open', { version: expect.stringMatching(/^\d+$/) as unknown as string }],
      ['settings.read', {}],
      ['pluggy.demo', {}],
      ['relay', { state: 'unpaired' }],
    ]);
  });
});
