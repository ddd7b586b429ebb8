// Events Pluggy sends without eventId: connector/status_updated on a bank's status change, legacy item/created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector, Webhook } from '../../src/shared/pluggy';
import { OK, startClient, type SandboxClient } from './helpers';
import { startReceiver, type Receiver } from './receiver';

describe('sandbox events without eventId', () => {
  let c: SandboxClient;
  let rx: Receiver;
  beforeAll(async () => {
    c = await startClient({ transactionsPerAccount: 20, legacyItemCreated: true });
    rx = await startReceiver();
    await c.ok(Webhook, 'POST', '/webhooks', { body: { event: 'all', url: `${rx.url}/all` } });
  });
  afterAll(async () => {
    await c.sandbox.close();
    await rx.close();
  });

  it('tells every webhook when a connector changes status, as pluggy-java shows it (no eventId)', async () => {
    const res = await c.raw('POST', '/__sandbox/connector-status', {
      body: { connectorId: 601, status: 'UNSTABLE' },
    });
    expect(res.status).toBe(200);
    const got = await rx.waitFor((all) => all.some((r) => r.event.event === 'connector/status_updated'));
    const event = got.find((r) => r.event.event === 'connector/status_updated')!.event;
    expect(event).toEqual({ event: 'connector/status_updated', id: '601', data: { status: 'UNSTABLE' } });
    expect((await c.ok(Connector, 'GET', '/connectors/601')).body.health?.status).toBe('UNSTABLE');
  });

  it('sends item/created without eventId in legacy mode, the other events with one', async () => {
    const item = await c.createItem(OK);
    await c.waitItem(item.id);
    const got = await rx.waitFor((all) =>
      all.some((r) => r.event.event === 'item/created' && 'itemId' in r.event && r.event.itemId === item.id),
    );
    const mine = got.filter((r) => 'itemId' in r.event && r.event.itemId === item.id);
    expect(mine.find((r) => r.event.event === 'item/created')!.event.eventId).toBeUndefined();
    expect(mine.filter((r) => r.event.event !== 'item/created').every((r) => r.event.eventId)).toBe(true);
  });
});
