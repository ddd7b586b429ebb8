import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayConfig, startRelay, type RunningRelay } from '../../../src/relay';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';
import { until } from '../../helpers/until';

const ADMIN = 'admin-token-for-tests-0123456789';
let relay: RunningRelay;
let relayDir: string;
let world: CoreWorld;

beforeAll(async () => {
  relayDir = mkdtempSync(join(tmpdir(), 'cofre-relay-e2e-'));
  relay = await startRelay({
    config: RelayConfig.parse({
      port: 0,
      adminToken: ADMIN,
      dataDir: relayDir,
      logLevel: 'silent',
      heartbeatMs: 1000,
    }),
  });
  world = await startCoreWorld({
    sandbox: { transactionsPerAccount: 80, webhookRetry: { roundDelaysMs: [200, 400] } },
  });
});
afterAll(async () => {
  await world.close();
  await relay.close();
  rmSync(relayDir, { recursive: true, force: true });
});

describe('webhooks from the sandbox through the relay to the core', () => {
  it('pairs with the relay and streams', async () => {
    const status = await world.call('relay.pair', { url: relay.url, adminToken: ADMIN });
    expect(status.url).toBe(relay.url);
    await until(async () => (await world.call('relay.status', {})).state === 'connected');
    const settings = await world.call('settings.get', {});
    expect(settings.relay).toEqual({ url: relay.url, paired: true });
  });

  it('syncs when Pluggy updates an item by itself, with no request from Cofre', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    // Webhooks of the first execution arrive through the relay too.
    await until(async () => (await world.call('relay.status', {})).lastEventAt !== null);

    // Pluggy's own daily update, seen from outside: new data, then an execution Cofre did not start.
    await fetch(`${world.sandbox.url}/__sandbox/advance?itemId=${itemId}`, { method: 'POST' });
    const auth = (await (
      await fetch(`${world.sandbox.url}/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: world.sandbox.clientId, clientSecret: world.sandbox.clientSecret }),
      })
    ).json()) as { apiKey: string };
    const before = (await world.call('sync.runs', { itemId, limit: 50 })).filter(
      (r) => r.reason === 'webhook',
    ).length;
    await fetch(`${world.sandbox.url}/items/${itemId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-api-key': auth.apiKey },
      body: '{}',
    });

    await until(async () => {
      const runs = await world.call('sync.runs', { itemId, limit: 50 });
      return runs.filter((r) => r.reason === 'webhook' && r.outcome === 'success').length > before;
    });
    await world.settle(itemId);
    const truth = (await (await fetch(`${world.sandbox.url}/__sandbox/truth?itemId=${itemId}`)).json()) as {
      transactions: { id: string }[];
    };
    const stored = await world.call('transactions.count', { filter: {} });
    expect(stored.count).toBe(truth.transactions.length);
    const received = await world.call('audit.page', {
      filter: { action: 'open_finance.webhook.received' },
      limit: 100,
    });
    expect(received.rows.length).toBeGreaterThan(0);
  });

  it('shows relay status on the diagnostics health check', async () => {
    const health = await world.call('health.get', {});
    const check = health.checks.find((c) => c.name === 'relay');
    expect(check).toMatchObject({ ok: true });
    expect(check?.detail).toContain('connected');
  });

  it('unpairs, and a wrong admin token is refused without storing anything', async () => {
    await world.call('relay.unpair', {});
    expect((await world.call('relay.status', {})).state).toBe('unpaired');
    const refused = await world.core.handle('relay.pair', {
      url: relay.url,
      adminToken: 'wrong-token-xxxxxxxxxxxx',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'relay_unauthorized' } });
    expect((await world.call('settings.get', {})).relay.paired).toBe(false);
  });
});
