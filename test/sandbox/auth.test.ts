// POST /auth, X-API-KEY checks, JWT expiry and connect-token scope, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Account, ConnectTokenResponse, Item, Page } from '../../src/shared/pluggy';
import { OK, startClient, type SandboxClient } from './helpers';

const decode = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('sandbox auth', () => {
  let c: SandboxClient;
  beforeAll(async () => {
    c = await startClient({ apiKeyTtlSeconds: 7_200 });
  });
  afterAll(async () => c.sandbox.close());

  it('issues a JWT apiKey that expires in 2 hours', async () => {
    const claims = decode(c.apiKey);
    expect(Number(claims.exp) - Number(claims.iat)).toBeCloseTo(7_200, 0);
  });

  it('refuses a wrong secret with 401 CLIENT_KEYS_UNAUTHORIZED', async () => {
    const reply = await c.fail('POST', '/auth', {
      body: { clientId: c.sandbox.clientId, clientSecret: 'nope' },
    });
    expect(reply.status).toBe(401);
    expect(reply.body.codeDescription).toBe('CLIENT_KEYS_UNAUTHORIZED');
  });

  it('answers 403 without a key and with a forged key', async () => {
    expect((await c.fail('GET', '/connectors', { key: '' })).status).toBe(403);
    const [h, p] = c.apiKey.split('.');
    expect((await c.fail('GET', '/connectors', { key: `${h}.${p}.AAAA` })).status).toBe(403);
  });

  it('answers 401 once the apiKey has expired (sandbox clock pushed past exp)', async () => {
    const old = c.apiKey;
    await c.ok(z.object({ now: z.string() }), 'POST', '/__sandbox/time', {
      body: { advanceMs: 7_200_000 + 1_000 },
    });
    const reply = await c.fail('GET', '/connectors', { key: old });
    expect(reply.status).toBe(401);
    await c.login();
    await c.ok(Page(z.unknown()), 'GET', '/connectors');
  });

  it('issues 30-minute connect tokens carrying clientId and an optional item scope', async () => {
    const item = await c.createItem(OK);
    const token = (
      await c.ok(ConnectTokenResponse, 'POST', '/connect_token', {
        body: { itemId: item.id, options: { clientUserId: 'u-1' } },
      })
    ).body.accessToken;
    const claims = decode(token);
    expect(claims.clientId).toBe(c.sandbox.clientId);
    expect(claims.itemId).toBe(item.id);
    expect(Number(claims.exp) - Number(claims.iat)).toBeCloseTo(1_800, 0);
    // Allowed: its own item and the reduced accounts list; refused: data endpoints and other items.
    await c.ok(Item, 'GET', `/items/${item.id}`, { key: token });
    await c.ok(Page(Account), 'GET', `/accounts?itemId=${item.id}`, { key: token });
    expect((await c.fail('GET', `/v2/transactions?accountId=x`, { key: token })).status).toBe(403);
    expect((await c.fail('DELETE', `/items/${item.id}`, { key: token })).status).toBe(403);
    const other = await c.createItem(OK);
    expect((await c.fail('GET', `/items/${other.id}`, { key: token })).status).toBe(403);
  });

  it('lets a connect token create an item with its options and then read it', async () => {
    const token = (
      await c.ok(ConnectTokenResponse, 'POST', '/connect_token', {
        body: { options: { clientUserId: 'user-42' } },
      })
    ).body.accessToken;
    const item = (
      await c.ok(Item, 'POST', '/items', { key: token, body: { connectorId: 0, parameters: OK } })
    ).body;
    expect(item.clientUserId).toBe('user-42');
    expect((await c.ok(Item, 'GET', `/items/${item.id}`, { key: token })).body.id).toBe(item.id);
    expect((await c.fail('POST', '/connect_token', { key: token, body: {} })).status).toBe(403);
  });
});
