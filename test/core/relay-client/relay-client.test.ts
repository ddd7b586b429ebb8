import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemSleepClock } from '../../../src/core/clock';
import { silentLogger } from '../../../src/core/logging/logger';
import { registerDevice } from '../../../src/core/relay-client/relay-api';
import { createRelayClient, type RelayState } from '../../../src/core/relay-client/relay-client';
import { RelayConfig, startRelay, type RunningRelay } from '../../../src/relay';

const ADMIN = 'admin-token-for-tests-0123456789';
const SECRET = 'webhook-secret-for-tests-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'cofre-relay-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = (port = 0) =>
  startRelay({
    config: RelayConfig.parse({
      port,
      adminToken: ADMIN,
      secrets: [SECRET],
      dataDir: dir,
      logLevel: 'silent',
      heartbeatMs: 500,
    }),
  });

async function send(relay: RunningRelay, eventId: string, clientUserId: string) {
  const res = await fetch(`${relay.url}/hooks/pluggy`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cofre-secret': SECRET },
    body: JSON.stringify({
      event: 'item/updated',
      eventId,
      itemId: 'item-1',
      clientUserId,
      triggeredBy: 'SYNC',
    }),
  });
  expect(res.status).toBeLessThan(300);
}

async function until(probe: () => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the relay client', () => {
  it('receives every event once across a relay restart, resuming from its cursor', async () => {
    let relay = await start();
    const port = relay.port;
    const device = await registerDevice(relay.url, ADMIN, 'test');
    let cursor: string | null = null;
    const delivered: string[] = [];
    const states: RelayState[] = [];
    const client = createRelayClient({
      endpoint: { url: relay.url, token: device.token },
      loadCursor: () => cursor,
      saveCursor: (c) => {
        cursor = c;
      },
      deliver: async (payload) => {
        delivered.push((payload as { eventId: string }).eventId);
      },
      clock: systemSleepClock,
      logger: silentLogger(),
      onStatus: (s) => states.push(s.state),
    });
    client.start();
    await until(() => client.status().state === 'connected');
    await send(relay, 'e1', device.deviceId);
    await until(() => delivered.length === 1);

    await relay.close();
    await until(() => client.status().state !== 'connected' || client.status().lastError !== null);
    relay = await start(port);
    // Sent while the client was away: it must still arrive, after the reconnect.
    await send(relay, 'e2', device.deviceId);
    await send(relay, 'e3', device.deviceId);
    await until(() => delivered.length >= 3, 30_000);
    await client.stop();
    await relay.close();
    expect(delivered).toEqual(['e1', 'e2', 'e3']);
  }, 60_000);

  it('says offline when the relay cannot be reached', async () => {
    const client = createRelayClient({
      endpoint: { url: 'http://127.0.0.1:9', token: 'x' },
      loadCursor: () => null,
      saveCursor: () => undefined,
      deliver: async () => undefined,
      clock: { now: Date.now, sleep: (ms, signal) => systemSleepClock.sleep(Math.min(ms, 20), signal) },
      logger: silentLogger(),
    });
    client.start();
    await until(() => client.status().state === 'offline');
    expect(client.status().lastError).toMatch(/did not answer/);
    await client.stop();
  });
});
