// The device API: registration, isolation, long-poll, cursors and acks, SSE resume, retention — both stores.
import { describe, expect, it } from 'vitest';
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
} from './harness';

useRelayCleanup();

describe.each(STORE_KINDS)('device API (%s store)', (kind) => {
  it('registers a device only with the admin token', async () => {
    const { url } = await startTestRelay(await newLocation(kind), {
      publicUrl: 'https://relay.example.com/',
    });
    const register = (headers: Record<string, string>) =>
      fetch(`${url}/v1/devices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    expect((await register({})).status).toBe(401);
    expect((await register({ authorization: 'Bearer wrong-admin-token-123456' })).status).toBe(401);
    const ok = await register({ authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as { deviceId: string; token: string; channelUrl: string };
    expect(body.channelUrl).toMatch(/^https:\/\/relay\.example\.com\/hooks\/pluggy\/ch_[\w-]{32}$/);
    expect(body.token).toMatch(/^crt_[\w-]{43}$/);
  });

  it('refuses device registration when no admin token is configured', async () => {
    const { url } = await startTestRelay(await newLocation(kind), { adminToken: undefined });
    const res = await fetch(`${url}/v1/devices`, { method: 'POST', headers: { authorization: 'Bearer x' } });
    expect(res.status).toBe(503);
  });

  it('never shows device A the events of device B', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const a = await registerDevice(url);
    const b = await registerDevice(url);
    const forA = itemEvent({ clientUserId: a.deviceId });
    const forB = itemEvent({ clientUserId: b.deviceId });
    await postWebhook(url, forA);
    await postWebhook(url, forB);
    const streamA = await openSse(url, a.token);
    const streamB = await openSse(url, b.token);
    await streamA.waitFor(1);
    await streamB.waitFor(1);
    await sleep(100);
    expect(streamA.events.map((e) => e.eventId)).toEqual([forA['eventId']]);
    expect(streamB.events.map((e) => e.eventId)).toEqual([forB['eventId']]);
    streamA.close();
    streamB.close();
    expect((await poll(url, a.token)).events.map((e) => e.eventId)).toEqual([forA['eventId']]);
    // B's cursor does not open A's events: cursors are per device.
    const fromB = (await poll(url, b.token)).cursor;
    expect(
      (await poll(url, a.token, { after: fromB ?? '' })).events.every((e) => e.eventId !== forB['eventId']),
    ).toBe(true);
    for (const token of ['', 'crt_unknown', `${a.token}x`]) {
      const res = await fetch(`${url}/v1/events?wait=0`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    }
    const stream = await fetch(`${url}/v1/events/stream`, { headers: { authorization: 'Bearer nope' } });
    expect(stream.status).toBe(401);
  });

  it('long-polls until an event arrives, and answers empty with a cursor when none does', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const empty = await poll(url, device.token, { wait: 1 });
    expect(empty.events).toEqual([]);
    expect(empty.cursor).not.toBeNull();
    const pending = poll(url, device.token, { wait: 10, after: empty.cursor ?? '' });
    await sleep(200);
    const event = itemEvent({ clientUserId: device.deviceId });
    const started = Date.now();
    await postWebhook(url, event);
    const page = await pending;
    expect(page.events.map((e) => e.eventId)).toEqual([event['eventId']]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('treats the cursor sent as the acknowledgement, and POST /v1/events/ack as one too', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const events = Array.from({ length: 4 }, () => itemEvent({ clientUserId: device.deviceId }));
    for (const e of events) await postWebhook(url, e);
    const all = await poll(url, device.token, { limit: 2 });
    expect(all.events).toHaveLength(2);
    // Not acknowledged yet: reading without a cursor starts over.
    expect((await poll(url, device.token, { limit: 2 })).events).toEqual(all.events);
    const rest = await poll(url, device.token, { after: all.cursor ?? '' });
    expect(rest.events.map((e) => e.eventId)).toEqual(events.slice(2).map((e) => e['eventId']));
    expect((await poll(url, device.token)).events.map((e) => e.eventId)).toEqual(
      rest.events.map((e) => e.eventId),
    );
    const ack = await fetch(`${url}/v1/events/ack`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ upTo: rest.cursor }),
    });
    expect(ack.status).toBe(200);
    expect((await poll(url, device.token)).events).toEqual([]);
    const bad = await fetch(`${url}/v1/events?after=not-a-cursor&wait=0`, {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(bad.status).toBe(400);
  });

  it('resumes an SSE stream from Last-Event-ID after a disconnect without losing an event', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const events = Array.from({ length: 9 }, () => itemEvent({ clientUserId: device.deviceId }));
    const first = await openSse(url, device.token);
    for (const e of events.slice(0, 3)) await postWebhook(url, e);
    const seen = await first.waitFor(3);
    first.close();
    const lastId = seen.at(-1)?.cursor;
    // While disconnected, more arrive.
    for (const e of events.slice(3, 6)) await postWebhook(url, e);
    const second = await openSse(url, device.token, lastId);
    for (const e of events.slice(6)) await postWebhook(url, e);
    const resumed = await second.waitFor(6);
    second.close();
    const all = [...seen, ...resumed];
    expect(all.map((e) => e.eventId)).toEqual(events.map((e) => e['eventId']));
    expect(new Set(all.map((e) => e.cursor)).size).toBe(9);
  });

  it('sends heartbeats on an idle stream', async () => {
    const { url } = await startTestRelay(await newLocation(kind), { heartbeatMs: 100 });
    const device = await registerDevice(url);
    const stream = await openSse(url, device.token);
    await sleep(450);
    stream.close();
    expect(stream.comments.filter((c) => c === 'heartbeat').length).toBeGreaterThanOrEqual(2);
  });

  it('drops acknowledged events after the retention period and any event after the max age', async () => {
    let offset = 0;
    const now = () => Date.now() + offset;
    const { url, relay } = await startTestRelay(
      await newLocation(kind),
      { retentionHours: 24, maxAgeDays: 7 },
      { now },
    );
    const device = await registerDevice(url);
    const events = Array.from({ length: 4 }, () => itemEvent({ clientUserId: device.deviceId }));
    for (const e of events) await postWebhook(url, e);
    const firstTwo = await poll(url, device.token, { limit: 2 });
    await poll(url, device.token, { after: firstTwo.cursor ?? '', limit: 1 }); // acknowledges the first two
    const beforeAll = cursorBefore(firstTwo.events[0]?.cursor);
    const idsFromStart = async () =>
      (await poll(url, device.token, { after: beforeAll })).events.map((e) => e.eventId);
    offset = 23 * 3_600_000;
    await relay.prune();
    expect(await idsFromStart()).toEqual(events.map((e) => e['eventId']));
    offset = 25 * 3_600_000;
    await relay.prune();
    expect(await idsFromStart()).toEqual(events.slice(2).map((e) => e['eventId']));
    offset = 8 * 86_400_000;
    await relay.prune();
    expect((await poll(url, device.token)).events).toEqual([]);
  });

  it('revokes a device token on DELETE /v1/devices/me', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const del = await fetch(`${url}/v1/devices/me`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(del.status).toBe(204);
    const res = await fetch(`${url}/v1/events?wait=0`, {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(res.status).toBe(401);
    expect((await postWebhook(url, itemEvent(), {}, new URL(device.channelUrl).pathname)).status).toBe(401);
  });
});

/** A cursor just before `cursor`, valid for either store's format. */
function cursorBefore(cursor: string | undefined): string {
  if (!cursor) return '0';
  const redis = /^(\d+)-(\d+)$/.exec(cursor);
  if (redis) return `${Number(redis[1]) - 1}-0`;
  return String(Number(cursor) - 1);
}
