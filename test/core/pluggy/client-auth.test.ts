import { afterEach, describe, expect, it } from 'vitest';
import { isPluggyAuthError, type PluggyApiError } from '../../../src/core/pluggy';
import { json } from './helpers/stub-server';
import { clientFor, startPluggyStub, type PluggyStub } from './helpers/pluggy-stub';
import { item } from './helpers/payloads';

let stub: PluggyStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('the Pluggy client with its apiKey', () => {
  it('makes one /auth for 50 concurrent calls and sends the key as X-API-KEY', async () => {
    stub = await startPluggyStub({ 'GET /items/item-1': (_req, res) => json(res, 200, item()) });
    const client = clientFor(stub);
    const items = await Promise.all(Array.from({ length: 50 }, () => client.getItem('item-1')));
    expect(items.every((i) => i.id === 'item-1')).toBe(true);
    expect(stub.count('POST', '/auth')).toBe(1);
    expect(
      stub.seen
        .filter((r) => r.url === '/items/item-1')
        .every((r) => r.headers['x-api-key'] === stub!.keys[0]),
    ).toBe(true);
    expect(client.authCalls).toBe(1);
  });

  it('refreshes before expiry with a margin, without waiting for a 401', async () => {
    stub = await startPluggyStub({ 'GET /items/item-1': (_req, res) => json(res, 200, item()) });
    const client = clientFor(stub);
    await client.getItem('item-1');
    stub.clock.advance(111 * 60_000);
    await client.getItem('item-1');
    expect(stub.count('POST', '/auth')).toBe(2);
    expect(stub.seen.at(-1)!.headers['x-api-key']).toBe(stub.keys[1]);
  });

  it('on a 401 refreshes the key and replays the call once', async () => {
    stub = await startPluggyStub({
      'GET /items/item-1': (req, res, { keys }) =>
        req.headers['x-api-key'] === keys[0]
          ? json(res, 401, { code: 401, message: 'Expired authorization token' })
          : json(res, 200, item()),
    });
    const client = clientFor(stub);
    expect((await client.getItem('item-1')).id).toBe('item-1');
    expect(stub.count('POST', '/auth')).toBe(2);
    expect(stub.count('GET', '/items/item-1')).toBe(2);
  });

  it('gives up with PluggyAuthError when the replay is refused too (403)', async () => {
    stub = await startPluggyStub({
      'GET /items/item-1': (_req, res) =>
        json(res, 403, { code: 403, message: 'Invalid authorization token' }),
    });
    const client = clientFor(stub);
    const error = (await client.getItem('item-1').catch((e: unknown) => e)) as PluggyApiError;
    expect(isPluggyAuthError(error)).toBe(true);
    expect(error.status).toBe(403);
    expect(error.code).toBe('pluggy_auth');
    expect(stub.count('GET', '/items/item-1')).toBe(2);
    expect(stub.count('POST', '/auth')).toBe(2);
  });

  it('fails fast on bad client credentials: one /auth call, a clear CLIENT_KEYS_UNAUTHORIZED error', async () => {
    stub = await startPluggyStub({ 'GET /items/item-1': (_req, res) => json(res, 200, item()) });
    const client = clientFor(stub, { clientSecret: 'a-wrong-secret-value' });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.getItem('item-1')));
    expect(stub.count('POST', '/auth')).toBe(1);
    expect(stub.count('GET', '/items/item-1')).toBe(0);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      const error = (r as PromiseRejectedResult).reason as PluggyApiError;
      expect(isPluggyAuthError(error)).toBe(true);
      expect(error.codeDescription).toBe('CLIENT_KEYS_UNAUTHORIZED');
      expect(error.message).toContain('CLIENT_KEYS_UNAUTHORIZED');
      expect(error.path).toBe('/auth');
    }
  });
});
