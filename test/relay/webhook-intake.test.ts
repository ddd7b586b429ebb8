// POST /hooks/pluggy[/:channel]: authentication, rotation, validation, size limit, dedupe, routing — both stores.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SECRET_NEW,
  SECRET_OLD,
  STORE_KINDS,
  itemEvent,
  newLocation,
  poll,
  postWebhook,
  registerDevice,
  startTestRelay,
  useRelayCleanup,
} from './harness';

useRelayCleanup();

describe.each(STORE_KINDS)('webhook intake (%s store)', (kind) => {
  it('refuses a missing or wrong secret with 401 and stores nothing', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const body = () => itemEvent({ clientUserId: device.deviceId });

    expect((await postWebhook(url, body(), {})).status).toBe(401);
    expect((await postWebhook(url, body(), { 'x-cofre-secret': 'not-the-secret-at-all' })).status).toBe(401);
    expect((await postWebhook(url, body(), { 'x-cofre-secret': `${SECRET_NEW}x` })).status).toBe(401);
    expect((await postWebhook(url, body(), { 'x-other-header': SECRET_NEW })).status).toBe(401);
    expect((await poll(url, device.token)).events).toEqual([]);
  });

  it('accepts the old and the new secret during a rotation, and refuses the removed one after it', async () => {
    const location = await newLocation(kind);
    const during = await startTestRelay(location, { secrets: [SECRET_OLD, SECRET_NEW] });
    const device = await registerDevice(during.url);
    const first = itemEvent({ clientUserId: device.deviceId });
    const second = itemEvent({ clientUserId: device.deviceId });
    expect((await postWebhook(during.url, first, { 'x-cofre-secret': SECRET_OLD })).status).toBe(200);
    expect((await postWebhook(during.url, second, { 'x-cofre-secret': SECRET_NEW })).status).toBe(200);
    await during.relay.close();

    const after = await startTestRelay(location, { secrets: [SECRET_NEW] });
    const third = itemEvent({ clientUserId: device.deviceId });
    expect((await postWebhook(after.url, third, { 'x-cofre-secret': SECRET_OLD })).status).toBe(401);
    expect((await postWebhook(after.url, third, { 'x-cofre-secret': SECRET_NEW })).status).toBe(200);
    const page = await poll(after.url, device.token);
    expect(page.events.map((e) => e.eventId)).toEqual([
      first['eventId'],
      second['eventId'],
      third['eventId'],
    ]);
  });

  it('answers 400 to malformed bodies and stores none of them', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const malformed: unknown[] = [
      '{"event": "item/updated", "eventId": ',
      '[1, 2, 3]',
      '"just a string"',
      { eventId: randomUUID(), itemId: 'item-1', clientUserId: device.deviceId },
      itemEvent({ itemId: undefined, clientUserId: device.deviceId }),
      itemEvent({ event: 'transactions/created', clientUserId: device.deviceId }),
      itemEvent({ eventId: 42, clientUserId: device.deviceId }),
    ];
    for (const body of malformed) {
      const res = await postWebhook(url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
    expect((await postWebhook(url, '')).status).toBe(400);
    expect((await poll(url, device.token)).events).toEqual([]);
  });

  it('answers 413 to a body over 256 KB and accepts one just under it', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const padded = (bytes: number) => {
      const base = itemEvent({ clientUserId: device.deviceId, padding: '' });
      const size = Buffer.byteLength(JSON.stringify(base));
      return { ...base, padding: 'x'.repeat(bytes - size) };
    };
    expect((await postWebhook(url, padded(256 * 1024 + 1))).status).toBe(413);
    expect((await postWebhook(url, padded(256 * 1024))).status).toBe(200);
    expect((await poll(url, device.token)).events).toHaveLength(1);
  });

  it('stores a duplicate eventId once, concurrent or later', async () => {
    const { url, relay } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const event = itemEvent({ clientUserId: device.deviceId });
    const answers = await Promise.all(Array.from({ length: 5 }, () => postWebhook(url, event)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const later = await postWebhook(url, { ...event, triggeredBy: 'USER' });
    expect(await later.json()).toMatchObject({ ok: true, duplicate: true });
    const page = await poll(url, device.token);
    expect(page.events.map((e) => e.eventId)).toEqual([event['eventId']]);
    const metrics = await relay.metrics.registry.getSingleMetricAsString('relay_webhooks_duplicate_total');
    expect(metrics).toContain('relay_webhooks_duplicate_total 5');
  });

  it('stores an unknown event type flagged, with only its envelope', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const event = {
      event: 'payment_intent/completed',
      eventId: randomUUID(),
      clientUserId: device.deviceId,
      paymentIntentId: 'pi-1',
      amount: 100,
    };
    expect((await postWebhook(url, event)).status).toBe(200);
    const [stored] = (await poll(url, device.token)).events;
    expect(stored).toMatchObject({ event: 'payment_intent/completed', known: false });
    expect(stored?.payload).toEqual({
      event: 'payment_intent/completed',
      eventId: event.eventId,
      clientUserId: device.deviceId,
    });
  });

  it('routes by clientUserId and by registered item ids, to no one else', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const a = await registerDevice(url);
    const b = await registerDevice(url);
    const put = await fetch(`${url}/v1/devices/me/items`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ itemIds: ['item-b', 'item-b'] }),
    });
    expect(await put.json()).toEqual({ itemIds: ['item-b'], connectorIds: [], refused: [] });
    const forA = itemEvent({ clientUserId: a.deviceId, itemId: 'item-a' });
    const forB = {
      event: 'transactions/deleted',
      eventId: randomUUID(),
      itemId: 'item-b',
      accountId: 'acc-1',
      transactionIds: ['t1'],
    };
    const forNobody = itemEvent({ clientUserId: 'someone-else', itemId: 'item-z' });
    for (const e of [forA, forB, forNobody]) expect((await postWebhook(url, e)).status).toBe(200);
    expect((await poll(url, a.token)).events.map((e) => e.eventId)).toEqual([forA['eventId']]);
    expect((await poll(url, b.token)).events.map((e) => e.eventId)).toEqual([forB.eventId]);
  });

  it('accepts a webhook on a device channel URL without the secret, for that device only', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const a = await registerDevice(url);
    const b = await registerDevice(url);
    const path = new URL(a.channelUrl).pathname;
    // Even a payload naming device B goes only to A: the channel is A's capability.
    const event = itemEvent({ clientUserId: b.deviceId });
    expect((await postWebhook(url, event, {}, path)).status).toBe(200);
    expect((await postWebhook(url, itemEvent(), {}, '/hooks/pluggy/ch_not-a-real-channel')).status).toBe(401);
    expect((await poll(url, a.token)).events.map((e) => e.eventId)).toEqual([event['eventId']]);
    expect((await poll(url, b.token)).events).toEqual([]);
  });
});
