// Webhook registration and delivery: documented payloads, custom headers, item webhookUrl, retries, 401 not retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SandboxDeliveries } from '../../src/sandbox';
import { ConnectTokenResponse, DeleteItemResponse, Item, Page, Webhook } from '../../src/shared/pluggy';
import { OK, startClient, type SandboxClient } from './helpers';
import { startReceiver, type Receiver } from './receiver';

describe('sandbox webhooks', () => {
  let c: SandboxClient;
  let rx: Receiver;
  beforeAll(async () => {
    c = await startClient({
      transactionsPerAccount: 300,
      webhookRetry: { attemptsPerRound: 2, roundDelaysMs: [30, 30], timeoutMs: 1_000 },
    });
    rx = await startReceiver();
  });
  afterAll(async () => {
    await c.sandbox.close();
    await rx.close();
  });

  it('registers, lists, updates and deletes webhooks without ever showing headers', async () => {
    const hook = (
      await c.ok(Webhook, 'POST', '/webhooks', {
        body: { event: 'item/updated', url: `${rx.url}/tmp`, headers: { 'x-secret': 's' } },
      })
    ).body;
    expect(hook.headers ?? null).toBeNull();
    expect((await c.ok(Page(Webhook), 'GET', '/webhooks')).body.results.map((w) => w.id)).toContain(hook.id);
    const patched = (await c.ok(Webhook, 'PATCH', `/webhooks/${hook.id}`, { body: { enabled: false } })).body;
    expect(patched.disabledAt).toBeTruthy();
    expect((await c.ok(DeleteItemResponse, 'DELETE', `/webhooks/${hook.id}`)).body).toEqual({ count: 1 });
    expect((await c.fail('GET', `/webhooks/${hook.id}`)).status).toBe(404);
    expect((await c.fail('POST', '/webhooks', { body: { event: 'nope', url: rx.url } })).status).toBe(400);
  });

  it('delivers item and transaction events with the registered custom headers', async () => {
    await c.ok(Webhook, 'POST', '/webhooks', {
      body: { event: 'all', url: `${rx.url}/all`, headers: { 'x-cofre-secret': 'hunter2' } },
    });
    const item = await c.createItem(OK, 0, { clientUserId: 'user-7' });
    await c.waitItem(item.id);
    const got = await rx.waitFor((all) =>
      all.some((r) => r.path === '/all' && r.event.event === 'item/created'),
    );
    const mine = got.filter((r) => r.path === '/all' && 'itemId' in r.event && r.event.itemId === item.id);
    expect(mine.every((r) => r.headers['x-cofre-secret'] === 'hunter2')).toBe(true);
    const events = mine.map((r) => r.event.event);
    expect(events.indexOf('item/login_succeeded')).toBeLessThan(events.indexOf('transactions/created'));
    expect(events.at(-1)).toBe('item/created');
    expect(events.filter((e) => e === 'transactions/created')).toHaveLength(3);
    const created = mine.find((r) => r.event.event === 'item/created')?.event;
    expect(created && 'clientUserId' in created ? created.clientUserId : null).toBe('user-7');
    expect(created && 'triggeredBy' in created ? created.triggeredBy : null).toBe('CLIENT');
    const tx = mine.find((r) => r.event.event === 'transactions/created')?.event;
    if (tx?.event !== 'transactions/created') throw new Error('no transactions/created');
    expect(tx.createdTransactionsLink).toContain('/transactions?accountId=');
    expect(tx.transactionsCount).toBeGreaterThan(0);
  });

  it('sends all events of an item to its webhookUrl (from a connect token) without custom headers', async () => {
    const token = (
      await c.ok(ConnectTokenResponse, 'POST', '/connect_token', {
        body: { options: { webhookUrl: `${rx.url}/item` } },
      })
    ).body.accessToken;
    const item = (
      await c.ok(Item, 'POST', '/items', {
        key: token,
        body: { connectorId: 0, parameters: { user: 'user-locked', password: 'password-ok' } },
      })
    ).body;
    await c.waitItem(item.id);
    const got = await rx.waitFor((all) =>
      all.some((r) => r.path === '/item' && r.event.event === 'item/error'),
    );
    const err = got.find((r) => r.path === '/item' && r.event.event === 'item/error');
    expect(err?.headers['x-cofre-secret']).toBeUndefined();
    if (err?.event.event !== 'item/error') throw new Error('no item/error');
    expect(err.event.error.code).toBe('ACCOUNT_LOCKED');
    expect(err.event.triggeredBy).toBe('USER');
  });

  it('fires transactions/created, updated and deleted after an advance and re-sync', async () => {
    const item = await c.createItem(OK, 0, { webhookUrl: `${rx.url}/advance` });
    await c.waitItem(item.id);
    await rx.waitFor((all) => all.some((r) => r.path === '/advance' && r.event.event === 'item/created'));
    await c.ok(z.unknown(), 'POST', `/__sandbox/advance?itemId=${item.id}`);
    await c.ok(Item, 'PATCH', `/items/${item.id}`, { body: {} });
    await c.waitItem(item.id);
    const got = await rx.waitFor((all) =>
      all.some((r) => r.path === '/advance' && r.event.event === 'item/updated'),
    );
    const kinds = new Set(got.filter((r) => r.path === '/advance').map((r) => r.event.event));
    for (const k of ['transactions/created', 'transactions/updated', 'transactions/deleted', 'item/updated'])
      expect(kinds).toContain(k);
    const deleted = got.find((r) => r.path === '/advance' && r.event.event === 'transactions/deleted')?.event;
    if (deleted?.event !== 'transactions/deleted') throw new Error('no transactions/deleted');
    expect(deleted.transactionIds).toHaveLength(1);
    expect(deleted.clientId).toBe(c.sandbox.clientId);
  });

  it('retries a failing receiver in rounds, and never retries a 401', async () => {
    rx.respond = (path, nth) => (path === '/flaky' ? (nth < 4 ? 500 : 200) : path === '/denied' ? 401 : 200);
    const flaky = (
      await c.ok(Webhook, 'POST', '/webhooks', { body: { event: 'item/deleted', url: `${rx.url}/flaky` } })
    ).body;
    const denied = (
      await c.ok(Webhook, 'POST', '/webhooks', { body: { event: 'item/deleted', url: `${rx.url}/denied` } })
    ).body;
    const item = await c.createItem(OK);
    await c.waitItem(item.id);
    await c.ok(z.unknown(), 'DELETE', `/items/${item.id}`);
    await rx.waitFor((all) => all.filter((r) => r.path === '/flaky').length >= 4);
    await new Promise((r) => setTimeout(r, 150));
    const deliveries = (await c.ok(SandboxDeliveries, 'GET', '/__sandbox/deliveries')).body.attempts;
    const flakyTries = deliveries.filter((d) => d.url === flaky.url);
    expect(flakyTries.map((d) => [d.round, d.attempt, d.status])).toEqual([
      [0, 1, 500],
      [0, 2, 500],
      [1, 1, 500],
      [1, 2, 200],
    ]);
    expect(deliveries.filter((d) => d.url === denied.url).map((d) => d.status)).toEqual([401]);
  });
});
