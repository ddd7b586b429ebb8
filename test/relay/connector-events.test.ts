// Events Pluggy sends without eventId (legacy item/created, connector/status_updated): accepted, deduped by
// content and minute, and connector events routed to the devices with items at that connector — both stores.
import { describe, expect, it } from 'vitest';
import {
  STORE_KINDS,
  newLocation,
  poll,
  postWebhook,
  registerDevice,
  startTestRelay,
  useRelayCleanup,
} from './harness';

useRelayCleanup();

async function setItems(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${url}/v1/devices/me/items`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

// pluggy-java WebhookEventParseTest: connector/status_updated and a legacy item/created, no eventId.
const connectorEvent = (status: string) => ({
  event: 'connector/status_updated',
  id: '201',
  data: { status },
});

describe.each(STORE_KINDS)('events without eventId (%s store)', (kind) => {
  it('routes connector/status_updated to the devices with items at that connector, once per minute', async () => {
    let now = Date.parse('2026-12-04T15:00:10Z');
    const { url } = await startTestRelay(await newLocation(kind), {}, { now: () => now });
    const atBank = await registerDevice(url);
    const elsewhere = await registerDevice(url);
    expect((await setItems(url, atBank.token, { itemIds: ['item-a'], connectorIds: [201] })).status).toBe(
      200,
    );
    expect((await setItems(url, elsewhere.token, { itemIds: ['item-b'], connectorIds: [202] })).status).toBe(
      200,
    );

    const first = await postWebhook(url, connectorEvent('UNSTABLE'));
    expect(first.status).toBe(200);
    const firstBody = (await first.json()) as { eventId: string; duplicate: boolean };
    expect(firstBody.duplicate).toBe(false);
    // Pluggy's immediate retry of the same delivery, keys in another order: the same event.
    now += 20_000;
    const retry = await postWebhook(url, {
      data: { status: 'UNSTABLE' },
      id: '201',
      event: 'connector/status_updated',
    });
    expect((await retry.json()) as { eventId: string; duplicate: boolean }).toEqual({
      ok: true,
      eventId: firstBody.eventId,
      duplicate: true,
    });
    // A change of status is a new event; the same status reported minutes later is one too.
    await postWebhook(url, connectorEvent('ONLINE'));
    now += 5 * 60_000;
    await postWebhook(url, connectorEvent('UNSTABLE'));

    const page = await poll(url, atBank.token);
    expect(page.events.map((e) => [e.event, (e.payload['data'] as { status: string }).status])).toEqual([
      ['connector/status_updated', 'UNSTABLE'],
      ['connector/status_updated', 'ONLINE'],
      ['connector/status_updated', 'UNSTABLE'],
    ]);
    expect(page.events[0]!.known).toBe(true);
    expect(page.events[0]!.payload).toEqual(connectorEvent('UNSTABLE'));
    expect((await poll(url, elsewhere.token)).events).toEqual([]);
  });

  it('delivers a legacy item/created without eventId once', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const legacy = {
      event: 'item/created',
      id: '0b3a4e1c-7f3a-4c49-9a0c-3f5e2d1c9b8a',
      itemId: '0b3a4e1c-7f3a-4c49-9a0c-3f5e2d1c9b8a',
      clientUserId: device.deviceId,
    };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await postWebhook(url, legacy));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const page = await poll(url, device.token);
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({ event: 'item/created', known: true, payload: legacy });
    expect(page.events[0]!.eventId).toMatch(/^derived-[0-9a-f]{40}$/);
  });

  it('keeps the device item list call working for clients that send no connectors', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const device = await registerDevice(url);
    const res = await setItems(url, device.token, { itemIds: ['item-a'] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ itemIds: ['item-a'], connectorIds: [], refused: [] });
    expect((await setItems(url, device.token, { itemIds: [], connectorIds: ['x'] })).status).toBe(400);
  });
});
