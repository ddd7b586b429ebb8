// Bad input gets the documented 4xx error body, never a crash: wrong types, missing fields, unknown ids, big bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Connector, Page } from '../../src/shared/pluggy';
import { OK, startClient, type SandboxClient } from './helpers';

describe('sandbox bad input', () => {
  let c: SandboxClient;
  beforeAll(async () => {
    c = await startClient({ bodyLimitBytes: 4_096 });
  });
  afterAll(async () => c.sandbox.close());

  it.each([
    ['malformed JSON', 'POST', '/items', { rawBody: '{"connectorId": 0,' }, 400],
    ['wrong types', 'POST', '/items', { body: { connectorId: 'zero', parameters: OK } }, 400],
    ['missing connectorId', 'POST', '/items', { body: { parameters: OK } }, 400],
    ['missing parameters', 'POST', '/items', { body: { connectorId: 0 } }, 400],
    [
      'missing credential',
      'POST',
      '/items',
      { body: { connectorId: 0, parameters: { user: 'user-ok' } } },
      400,
    ],
    ['unknown connector', 'POST', '/items', { body: { connectorId: 999, parameters: OK } }, 400],
    ['an array body', 'POST', '/items', { body: [1, 2] }, 400],
    [
      'oversized body',
      'POST',
      '/items',
      { body: { connectorId: 0, parameters: { user: 'x'.repeat(10_000) } } },
      413,
    ],
    [
      'non-JSON content type',
      'POST',
      '/items',
      { rawBody: 'a=b', contentType: 'application/x-www-form-urlencoded' },
      415,
    ],
    ['unknown item', 'GET', '/items/00000000-0000-4000-8000-000000000000', {}, 404],
    ['unknown account', 'GET', '/accounts/nope', {}, 404],
    ['missing itemId', 'GET', '/accounts', {}, 400],
    ['missing accountId', 'GET', '/v2/transactions', {}, 400],
    ['unknown accountId', 'GET', '/v2/transactions?accountId=nope', {}, 404],
    ['bad date', 'GET', '/v2/transactions?accountId=nope&dateFrom=yesterday', {}, 404],
    ['unknown transaction', 'GET', '/transactions/nope', {}, 404],
    ['unknown connector id', 'GET', '/connectors/424242', {}, 404],
    ['non-numeric connector id', 'GET', '/connectors/abc', {}, 400],
    ['unknown route', 'GET', '/nowhere', {}, 404],
    ['bad auth body', 'POST', '/auth', { body: { clientId: 1 } }, 400],
    ['bad webhook url', 'POST', '/webhooks', { body: { event: 'all', url: 'not a url' } }, 400],
    ['bad mfa body', 'POST', '/items/nope/mfa', { body: { token: 123456 } }, 404],
  ] as const)('%s → %s with an error body', async (_name, method, path, options, status) => {
    const reply = await c.fail(method, path, options);
    expect(reply.status).toBe(status);
    expect(reply.body.code).toBe(status);
    expect(reply.body.message.length).toBeGreaterThan(0);
  });

  it('a bad cursor and too many ids are 400s, and the server keeps serving', async () => {
    const item = (await c.waitItem((await c.createItem(OK)).id)).item;
    const account = (await c.ok(Page(z.object({ id: z.string() })), 'GET', `/accounts?itemId=${item.id}`))
      .body.results[0];
    expect((await c.fail('GET', `/v2/transactions?accountId=${account?.id}&after=Zm9vfGJhcg==`)).status).toBe(
      400,
    );
    const ids = Array.from({ length: 501 }, (_, i) => `id${i}`).join(',');
    expect((await c.fail('GET', `/v2/transactions?accountId=${account?.id}&ids=${ids}`)).status).toBe(400);
    expect((await c.fail('GET', `/v2/transactions?accountId=${account?.id}&dateFrom=yesterday`)).status).toBe(
      400,
    );
    const missingDetails = await c.fail('POST', '/items', {
      body: { connectorId: 0, parameters: { user: 'user-ok' } },
    });
    expect(missingDetails.body.details?.[0]?.parameter).toBe('password');
    await c.ok(Connector, 'GET', '/connectors/0');
  });

  it('lists connectors with filters and the sandbox flag', async () => {
    const real = (await c.ok(Page(Connector), 'GET', '/connectors')).body.results;
    expect(real.every((x) => !x.isSandbox)).toBe(true);
    const all = (await c.ok(Page(Connector), 'GET', '/connectors?sandbox=true')).body.results;
    expect(all.filter((x) => x.isSandbox).map((x) => x.id)).toEqual([0, 1, 2, 3]);
    const named = (await c.ok(Page(Connector), 'GET', '/connectors?sandbox=true&name=mfa')).body.results;
    expect(named.map((x) => x.id)).toEqual([1, 3]);
    expect((await c.ok(Connector, 'GET', '/connectors/1')).body.credentials?.some((cred) => cred.mfa)).toBe(
      true,
    );
  });
});
