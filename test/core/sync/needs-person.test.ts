// "Sincronizar tudo" leaves refused logins alone, and notices that asked for a fix resolve themselves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectTokenOf } from '../../../src/host/connect-token';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';
import { waitFor } from '../../helpers/wait-for';

let world: CoreWorld;
beforeEach(async () => {
  world = await startCoreWorld({ sandbox: { transactionsPerAccount: 20 } });
});
afterEach(() => world.close());

describe('links that need the person', () => {
  it(
    'syncAll leaves refused logins out (a retry could lock the account) and says how many',
    { timeout: 90_000 },
    async () => {
      const ok = await world.connect('user-ok');
      const locked = await world.connect('user-locked');
      await world.settle(ok);
      await world.settle(locked);
      const result = await world.call('connections.syncAll', {});
      const lockedRuns = await world.call('sync.runs', { itemId: locked, limit: 10 });
      expect(result.skipped).toBeGreaterThanOrEqual(1);
      expect(lockedRuns.filter((r) => result.runIds.includes(r.id))).toEqual([]);
      const okRuns = await world.call('sync.runs', { itemId: ok, limit: 10 });
      expect(okRuns.some((r) => result.runIds.includes(r.id))).toBe(true);
      for (const c of await world.call('connections.list', {})) await world.settle(c.itemId, 60_000);
    },
  );

  it('a notice asking to reconnect resolves itself once the link syncs again', async () => {
    const itemId = await world.connect('user-ok', 0, { password: 'wrong-password' });
    await world.settle(itemId);
    const open = async () =>
      // A card's fatura notices follow its calendar, not the link's health.
      (await world.call('notices.list', {})).filter(
        (n) => n.connectionId === itemId && !n.dismissedAt && !n.kind.startsWith('fatura_'),
      );
    expect((await open()).length).toBeGreaterThan(0);
    // Reconnect as Connect does in update mode: a token for this item, new credentials on the same item.
    const token = connectTokenOf(world.core, await world.call('connections.connectToken', { itemId }));
    const res = await fetch(`${world.sandbox.url}/items/${itemId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-api-key': token },
      body: JSON.stringify({ parameters: { user: 'user-ok', password: 'password-ok' } }),
    });
    expect(res.ok).toBe(true);
    await world.call('connections.save', { itemId });
    await waitFor(async () => ((await open()).length === 0 ? true : null));
  });
});
