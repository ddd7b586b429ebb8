import { afterEach, describe, expect, it } from 'vitest';
import {
  isPluggyNetworkError,
  isPluggyRateLimitError,
  type PluggyApiError,
  type RetryEvent,
} from '../../../src/core/pluggy';
import { json } from './helpers/stub-server';
import { clientFor, startPluggyStub, type PluggyStub } from './helpers/pluggy-stub';
import { item } from './helpers/payloads';

let stub: PluggyStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** Answers with each status in turn, then 200 with `body`. */
function sequence(statuses: number[], body: unknown, headers: Record<string, string> = {}) {
  let n = 0;
  return (_req: unknown, res: Parameters<typeof json>[0]) => {
    const status = statuses[n++];
    if (status === undefined) return json(res, 200, body);
    return json(res, status, { code: status, message: `failure ${status}` }, headers);
  };
}

describe('the Pluggy client retrying', () => {
  it('retries 5xx on a GET, sleeping exactly the policy backoff on the injected clock', async () => {
    stub = await startPluggyStub({ 'GET /items/item-1': sequence([503, 500, 502], item()) });
    const events: RetryEvent[] = [];
    const client = clientFor(stub, {
      retry: { maxAttempts: 4, baseDelayMs: 400, maxDelayMs: 1_000, random: () => 0.5 },
      onRetry: (e) => events.push(e),
    });
    expect((await client.getItem('item-1')).id).toBe('item-1');
    // Full jitter with random 0.5: half of min(cap, base·2^(n-1)).
    expect(stub.clock.sleeps).toEqual([200, 400, 500]);
    expect(events.map((e) => [e.attempt, e.status, e.reason, e.delayMs])).toEqual([
      [1, 503, 'status', 200],
      [2, 500, 'status', 400],
      [3, 502, 'status', 500],
    ]);
    expect(stub.count('GET', '/items/item-1')).toBe(4);
  });

  it('stops after maxAttempts with the last error', async () => {
    stub = await startPluggyStub({ 'GET /items/item-1': sequence([503, 503, 503, 503], item()) });
    const client = clientFor(stub);
    const error = (await client.getItem('item-1').catch((e: unknown) => e)) as PluggyApiError;
    expect(error.name).toBe('PluggyApiError');
    expect(error.status).toBe(503);
    expect(error.code).toBe('pluggy_api');
    expect(stub.count('GET', '/items/item-1')).toBe(3);
  });

  it('honours Retry-After: 60 on a 429 (past got’s maxRetryAfter), waiting on the fake clock', async () => {
    stub = await startPluggyStub({ 'GET /items/item-1': sequence([429], item(), { 'Retry-After': '60' }) });
    const events: RetryEvent[] = [];
    const client = clientFor(stub, {
      timeoutMs: 5_000,
      retry: { random: () => 0 },
      onRetry: (e) => events.push(e),
    });
    const start = stub.clock.now();
    expect((await client.getItem('item-1')).id).toBe('item-1');
    expect(stub.clock.sleeps).toEqual([60_000]);
    expect(stub.clock.now() - start).toBe(60_000);
    expect(events[0]).toMatchObject({ reason: 'rate_limit', status: 429, delayMs: 60_000 });
  });

  it('prefers RateLimit-Reset and retries a rate-limited POST (Pluggy refused it before acting)', async () => {
    stub = await startPluggyStub({
      'POST /items': sequence([429], item(), { 'Retry-After': '60', 'RateLimit-Reset': '17' }),
    });
    const client = clientFor(stub, { retry: { random: () => 0 } });
    await client.createItem({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } });
    expect(stub.clock.sleeps).toEqual([17_000]);
    expect(stub.count('POST', '/items')).toBe(2);
  });

  it('turns a wait above the cap into PluggyRateLimitError carrying retryAfterMs, without waiting', async () => {
    stub = await startPluggyStub({
      'GET /items/item-1': sequence([429], item(), { 'RateLimit-Reset': '300' }),
    });
    const client = clientFor(stub, { retry: { maxRateLimitWaitMs: 90_000 } });
    const error = (await client.getItem('item-1').catch((e: unknown) => e)) as PluggyApiError;
    expect(isPluggyRateLimitError(error)).toBe(true);
    expect(error.retryAfterMs).toBe(300_000);
    expect(stub.clock.sleeps).toEqual([]);
    expect(stub.count('GET', '/items/item-1')).toBe(1);
  });

  it('never replays POST /items after a connection reset, and says it may have gone through', async () => {
    stub = await startPluggyStub({ 'POST /items': (_req, res) => void res.socket?.destroy() });
    const client = clientFor(stub);
    const error = (await client
      .createItem({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } })
      .catch((e: unknown) => e)) as PluggyApiError;
    expect(isPluggyNetworkError(error)).toBe(true);
    expect(error.networkCode).toBe('ECONNRESET');
    expect(error.mayHaveSucceeded).toBe(true);
    expect(stub.count('POST', '/items')).toBe(1);
  });

  it('does not replay an item refresh or an MFA answer on a 5xx', async () => {
    stub = await startPluggyStub({
      'PATCH /items/item-1': sequence([503], item()),
      'POST /items/item-1/mfa': sequence([500], item()),
    });
    const client = clientFor(stub);
    await expect(client.updateItem('item-1')).rejects.toMatchObject({ status: 503 });
    await expect(client.sendMfa('item-1', { token: '123456' })).rejects.toMatchObject({ status: 500 });
    expect(stub.count('PATCH', '/items/item-1')).toBe(1);
    expect(stub.count('POST', '/items/item-1/mfa')).toBe(1);
  });

  it('replays a GET after a reset and a hung request after its timeout', async () => {
    let n = 0;
    stub = await startPluggyStub({
      'GET /items/item-1': (_req, res) => {
        n++;
        if (n === 1) return void res.socket?.destroy();
        if (n === 2) return; // never answers: the per-request timeout fires
        json(res, 200, item());
      },
    });
    const events: RetryEvent[] = [];
    const client = clientFor(stub, { timeoutMs: 150, onRetry: (e) => events.push(e) });
    expect((await client.getItem('item-1')).id).toBe('item-1');
    expect(events.map((e) => e.networkCode)).toEqual(['ECONNRESET', 'ETIMEDOUT']);
  });

  it('reports a refused connection as a network error after retrying', async () => {
    stub = await startPluggyStub({});
    const url = stub.url;
    await stub.close();
    const closed = stub;
    stub = undefined;
    const client = clientFor(closed, { baseUrl: url });
    const error = (await client.getAccount('acc-1').catch((e: unknown) => e)) as PluggyApiError;
    expect(isPluggyNetworkError(error)).toBe(true);
    expect(error.networkCode).toBe('ECONNREFUSED');
    expect(error.mayHaveSucceeded).toBe(false);
    expect(closed.clock.sleeps).toHaveLength(2);
  });
});
