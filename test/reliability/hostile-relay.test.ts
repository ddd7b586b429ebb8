// Hostile conditions at the relay: its SQLite store deleted or read-only while webhooks arrive, one device
// claiming another's items or pre-empting its eventIds, a cursor ahead of a store restored from a backup,
// oversized unknown events, open metrics, forged Host headers and stream floods.
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createRelayLogger } from '../../src/relay';
import {
  ADMIN_TOKEN,
  STORE_KINDS,
  itemEvent,
  newLocation,
  openSse,
  poll,
  postWebhook,
  registerDevice,
  sleep,
  startTestRelay,
  useRelayCleanup,
} from '../relay/harness';
import { writeFigures } from './figures';
import { RELAY_SECRET, freePort, registerDevice as registerChild, spawnRelay } from './relay-world';

useRelayCleanup();
const figures = {
  attacksTried: 0,
  malformedInputsTried: 0,
  webhooksAcceptedWhileStoreLost: 0,
  eventsMisrouted: 0,
  eventsLost: 0,
};
afterAll(() => writeFigures('hostileRelay', figures));

function capturedLogger(): { logger: ReturnType<typeof createRelayLogger>; text(): string } {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { logger: createRelayLogger({ level: 'warn', destination }), text: () => text };
}

describe('the relay store deleted under load', () => {
  it('answers 503 on /healthz and on every webhook once the file is gone, and logs why', async () => {
    const location = await newLocation('sqlite');
    const log = capturedLogger();
    const { url } = await startTestRelay(location, {}, { logger: log.logger });
    const device = await registerDevice(url);
    let deleted = false;
    let stop = false;
    const statuses: number[] = [];
    // Ten senders keep webhooks coming while the store's files are deleted under them.
    const senders = Array.from({ length: 10 }, async () => {
      while (!stop) {
        const wasDeleted = deleted;
        const res = await postWebhook(url, itemEvent({ clientUserId: device.deviceId }));
        await res.text();
        if (wasDeleted) {
          statuses.push(res.status);
          if (res.status === 200) figures.webhooksAcceptedWhileStoreLost += 1;
        }
      }
    });
    await sleep(300);
    for (const file of readdirSync(location.dataDir)) rmSync(join(location.dataDir, file));
    deleted = true;
    await sleep(500);
    stop = true;
    await Promise.all(senders);
    figures.attacksTried += statuses.length + 1;
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 503)).toEqual([]);
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
    expect(log.text()).toMatch(/relay\.db was deleted while the relay had it open/);
  }, 60_000);
});

describe.skipIf(process.getuid?.() !== 0)('the relay store read-only (started as nobody)', () => {
  it('is unhealthy at once and refuses webhooks with 503, saying why', async () => {
    const location = await newLocation('sqlite');
    const nobody = { uid: 65534, gid: 65534 };
    chownSync(location.dataDir, nobody.uid, nobody.gid);
    const first = await spawnRelay(location.dataDir, await freePort(), 0, nobody);
    await registerChild(first.url);
    await first.kill9();
    // The files and the folder become read-only for the relay's user: SQLite opens them read-only.
    for (const file of readdirSync(location.dataDir)) chmodSync(join(location.dataDir, file), 0o444);
    chmodSync(location.dataDir, 0o555);
    try {
      const relay = await spawnRelay(location.dataDir, await freePort(), 0, nobody);
      try {
        expect((await fetch(`${relay.url}/healthz`)).status).toBe(503);
        for (let i = 0; i < 20; i++) {
          const res = await fetch(`${relay.url}/hooks/pluggy`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-cofre-secret': RELAY_SECRET },
            body: JSON.stringify(itemEvent()),
          });
          expect(res.status).toBe(503);
          figures.attacksTried += 1;
        }
        expect(relay.output()).toMatch(/cannot take writes/);
      } finally {
        await relay.kill9();
      }
    } finally {
      chmodSync(location.dataDir, 0o755);
    }
  }, 90_000);
});

describe.each(STORE_KINDS)('devices against each other (%s store)', (kind) => {
  it("refuses a claim on another device's item, so its events never reach the claimant", async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const owner = await registerDevice(url);
    const thief = await registerDevice(url);
    const put = (token: string, itemIds: string[]) =>
      fetch(`${url}/v1/devices/me/items`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ itemIds }),
      }).then((r) => r.json() as Promise<{ itemIds: string[]; refused: string[] }>);
    await put(owner.token, ['item-owned']);
    const claim = await put(thief.token, ['item-owned', 'item-free']);
    figures.attacksTried += 1;
    expect(claim).toEqual({ itemIds: ['item-free'], connectorIds: [], refused: ['item-owned'] });
    const event = itemEvent({ itemId: 'item-owned', id: 'item-owned', clientUserId: 'someone-else' });
    expect((await postWebhook(url, event)).status).toBe(200);
    const stolen = (await poll(url, thief.token)).events;
    figures.eventsMisrouted += stolen.length;
    expect(stolen).toEqual([]);
    expect((await poll(url, owner.token)).events.map((e) => e.eventId)).toEqual([event['eventId']]);
  });

  it("cannot pre-empt another device's eventId through its own channel URL", async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const victim = await registerDevice(url);
    const attacker = await registerDevice(url);
    const eventId = randomUUID();
    const forged = itemEvent({ eventId, clientUserId: victim.deviceId, triggeredBy: 'USER' });
    const channelPath = new URL(attacker.channelUrl).pathname;
    expect((await postWebhook(url, forged, {}, channelPath)).status).toBe(200);
    figures.attacksTried += 1;
    const real = itemEvent({ eventId, clientUserId: victim.deviceId, triggeredBy: 'SYNC' });
    const answer = (await (await postWebhook(url, real)).json()) as { duplicate: boolean };
    expect(answer.duplicate).toBe(false);
    const got = (await poll(url, victim.token)).events;
    if (got.length === 0) figures.eventsLost += 1;
    expect(got.map((e) => [e.eventId, e.payload['triggeredBy']])).toEqual([[eventId, 'SYNC']]);
    // The attacker's own copy stays its own, once.
    expect((await poll(url, attacker.token)).events.map((e) => e.eventId)).toEqual([eventId]);
    expect((await (await postWebhook(url, forged, {}, channelPath)).json()) as object).toMatchObject({
      duplicate: true,
    });
  });

  it('drops an unknown event type whose fields are oversized, like a known one', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const huge = 'x'.repeat(200_000);
    const bodies = [
      { id: huge },
      { itemId: huge },
      { clientId: huge },
      { clientUserId: huge },
      { id: 'y'.repeat(201) },
    ].map((fields) => ({
      event: 'payment_intent/created',
      eventId: randomUUID(),
      clientUserId: device.deviceId,
      ...fields,
    }));
    for (const body of bodies) {
      figures.malformedInputsTried += 1;
      expect((await postWebhook(url, body)).status).toBe(400);
    }
    expect((await poll(url, device.token)).events).toEqual([]);
  });

  it('reads from the start for a cursor ahead of the store, and still gets the next events', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const before = itemEvent({ clientUserId: device.deviceId });
    await postWebhook(url, before);
    // A cursor this store never issued: from a newer copy of it (sqlite) or a clock ahead (redis).
    const ahead = kind === 'sqlite' ? '999999' : `${Date.now() + 3_600_000}-0`;
    figures.attacksTried += 1;
    const first = await poll(url, device.token, { after: ahead });
    expect(first.events.map((e) => e.eventId)).toEqual([before['eventId']]);
    const next = itemEvent({ clientUserId: device.deviceId });
    await postWebhook(url, next);
    const again = await poll(url, device.token, { after: ahead });
    expect(again.events.map((e) => e.eventId)).toEqual([before['eventId'], next['eventId']]);
    const resumed = await poll(url, device.token, { after: first.cursor ?? '' });
    expect(resumed.events.map((e) => e.eventId)).toEqual([next['eventId']]);
  });
});

describe('a relay restored from an older backup (sqlite)', () => {
  it('gives a device whose cursor is past the newest event the store from the start, then new events', async () => {
    const location = await newLocation('sqlite');
    let relay = await startTestRelay(location);
    const device = await registerDevice(relay.url);
    const early = itemEvent({ clientUserId: device.deviceId });
    await postWebhook(relay.url, early);
    await relay.relay.close();
    const backup = join(location.dataDir, 'backup.db');
    copyFileSync(join(location.dataDir, 'relay.db'), backup);
    relay = await startTestRelay(location);
    for (let i = 0; i < 5; i++) await postWebhook(relay.url, itemEvent({ clientUserId: device.deviceId }));
    const seen = await poll(relay.url, device.token);
    expect(seen.events).toHaveLength(6);
    await relay.relay.close();
    copyFileSync(backup, join(location.dataDir, 'relay.db'));
    relay = await startTestRelay(location);
    figures.attacksTried += 1;
    const afterRestore = await poll(relay.url, device.token, { after: seen.cursor ?? '' });
    expect(afterRestore.events.map((e) => e.eventId)).toEqual([early['eventId']]);
    const fresh = itemEvent({ clientUserId: device.deviceId });
    await postWebhook(relay.url, fresh);
    const next = await poll(relay.url, device.token, { after: seen.cursor ?? '' });
    const ids = next.events.map((e) => e.eventId);
    if (!ids.includes(fresh['eventId'] as string)) figures.eventsLost += 1;
    expect(ids).toContain(fresh['eventId']);
  });
});

describe('the relay operator surface', () => {
  it('serves /metrics only with the admin token', async () => {
    const { url } = await startTestRelay(await newLocation('sqlite'));
    figures.attacksTried += 2;
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('relay_webhooks_received_total');
  });

  it('mints no channel URL from a forged Host when RELAY_PUBLIC_URL is unset', async () => {
    const { url } = await startTestRelay(await newLocation('sqlite'));
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${url}/v1/devices`,
        {
          method: 'POST',
          headers: {
            host: 'evil.example',
            authorization: `Bearer ${ADMIN_TOKEN}`,
            'content-type': 'application/json',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    figures.attacksTried += 1;
    expect(status).toBe(503);
    // A loopback Host (local use) still works.
    expect((await registerDevice(url)).channelUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/pluggy\//);
  });

  it('caps the open event streams of one device', async () => {
    const { url } = await startTestRelay(await newLocation('sqlite'), { maxStreamsPerDevice: 2 });
    const device = await registerDevice(url);
    const streams = [await openSse(url, device.token), await openSse(url, device.token)];
    figures.attacksTried += 1;
    const third = await fetch(`${url}/v1/events/stream`, {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(third.status).toBe(429);
    await third.text();
    for (const s of streams) s.close();
    await sleep(200);
    const again = await openSse(url, device.token);
    again.close();
  });
});
