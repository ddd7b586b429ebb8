import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/sandbox';
import {
  DEFAULT_RETRY_POLICY,
  isPluggyAuthError,
  isPluggyDeprecatedEndpointError,
  isPluggyNetworkError,
  type PluggyApiError,
  type RetryEvent,
} from '../../../src/core/pluggy';
import type { Transaction } from '../../../src/shared/pluggy';
import { createFakeClock } from './helpers/fake-clock';
import { clientOf, start, syncedItem, truthOf } from './helpers/sandbox';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** True when `needle` appears in `haystack` in order (other entries may sit in between). */
function isSubsequence(needle: number[], haystack: number[]): boolean {
  let i = 0;
  for (const h of haystack) if (i < needle.length && h === needle[i]) i++;
  return i === needle.length;
}

describe('the Pluggy client against the sandbox', () => {
  it('reads every page exactly as the ground truth through 5xx, resets, a 429 burst and apiKey expiry', async () => {
    const clock = createFakeClock();
    const t0 = performance.now();
    sandbox = await start({
      seed: 'pluggy-client-faults',
      transactionsPerAccount: 300,
      pageSize: 120,
      // The sandbox runs on our clock (plus real time, so a key issued after a forced expiry is newer).
      clock: () => clock.now() + (performance.now() - t0),
      faults: {
        error5xxRate: 0.1,
        resetRate: 0.1,
        burst429: { every: 9, length: 1 },
        forceApiKeyExpiryEvery: 5,
        routes: ['GET /v2/transactions'],
      },
    });
    const events: RetryEvent[] = [];
    const client = clientOf(sandbox, {
      clock,
      timeoutMs: 5_000,
      retry: { maxAttempts: 6, random: () => 0.5 },
      onRetry: (e) => events.push(e),
    });
    const item = await syncedItem(client);
    const truth = await truthOf(sandbox, item.id);
    const accounts = (await client.listAccounts(item.id)).results;
    expect(accounts.map((a) => a.id).sort()).toEqual(truth.accounts.map((a) => a.id).sort());
    const checking = accounts.find((a) => a.subtype === 'CHECKING_ACCOUNT')!;

    for (let round = 0; round < 4; round++) {
      for (const account of accounts) {
        const read: Transaction[] = [];
        let pages = 0;
        for await (const page of client.transactions(account.id)) {
          pages++;
          read.push(...page.results);
        }
        const expected = truth.transactions.filter((t) => t.accountId === account.id);
        expect(read).toEqual(expected);
        if (account.id === checking.id) expect(pages).toBe(3);
      }
    }

    // Every kind of fault was met and survived.
    const reasons = new Set(events.map((e) => e.reason));
    expect([...reasons].sort()).toEqual(['network', 'rate_limit', 'status']);
    expect(client.authCalls).toBeGreaterThan(3);
    // Each wait was the policy's, and was slept on the injected clock.
    const p = { ...DEFAULT_RETRY_POLICY, random: () => 0.5 };
    for (const e of events) {
      const expected =
        e.reason === 'rate_limit'
          ? 60_000 + Math.floor(0.5 * p.rateLimitJitterMs)
          : Math.floor(0.5 * Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (e.attempt - 1)));
      expect(e.delayMs).toBe(expected);
    }
    expect(
      isSubsequence(
        events.map((e) => e.delayMs),
        clock.sleeps,
      ),
    ).toBe(true);
  });

  it('keeps a 2,000-request burst under the sandbox’s real 360/min limit: zero 429s', async () => {
    const clock = createFakeClock();
    sandbox = await start({
      seed: 'pluggy-client-limits',
      clock: () => clock.now(),
      transactionsPerAccount: 10,
    });
    const events: RetryEvent[] = [];
    // One attempt only: a single 429 would fail the test.
    const client = clientOf(sandbox, { clock, retry: { maxAttempts: 1 }, onRetry: (e) => events.push(e) });
    const item = await syncedItem(client);
    const [account] = (await client.listAccounts(item.id)).results;
    const startedAt = clock.now();
    sandbox.admin.resetRequestCounts();
    // 16 workers drain 2,000 calls: with a fake clock, unbounded concurrency would let virtual time race ahead
    // of requests still in flight, which real time never does.
    let next = 0;
    const worker = async () => {
      while (next < 2_000) {
        next++;
        await client.getAccount(account!.id);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(sandbox.admin.requestCounts()['GET /accounts/:id']).toBe(2_000);
    expect(events).toEqual([]);
    // The limiter slowed the burst down to ~324/min instead of collecting 429s.
    expect(clock.now() - startedAt).toBeGreaterThan(5 * 60_000);
  });

  it('surfaces the legacy /transactions 410 as PluggyDeprecatedEndpointError', async () => {
    sandbox = await start({ seed: 'pluggy-client-410' });
    const client = clientOf(sandbox);
    const error = (await client.legacyTransactionsPage('any').catch((e: unknown) => e)) as PluggyApiError;
    expect(isPluggyDeprecatedEndpointError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 410,
      codeDescription: 'ENDPOINT_DEPRECATED',
      code: 'pluggy_deprecated',
    });
    expect(error.errorId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('makes one /auth call with bad credentials and never replays POST /items after a reset', async () => {
    sandbox = await start({ seed: 'pluggy-client-post', faults: { resetRate: 1, routes: ['POST /items'] } });
    const bad = clientOf(sandbox, { clientSecret: 'not-the-secret' });
    const error = await bad.getItem('x').catch((e: unknown) => e);
    expect(isPluggyAuthError(error) && error.codeDescription).toBe('CLIENT_KEYS_UNAUTHORIZED');
    expect(sandbox.admin.requestCounts()).toEqual({ 'POST /auth': 1 });

    const client = clientOf(sandbox);
    const reset = await client
      .createItem({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } })
      .catch((e: unknown) => e);
    expect(isPluggyNetworkError(reset) && reset.mayHaveSucceeded).toBe(true);
    expect(sandbox.admin.requestCounts()['POST /items']).toBe(1);
  });

  it('parses the sandbox’s connectors, categories, connect tokens and webhooks', async () => {
    sandbox = await start({ seed: 'pluggy-client-misc' });
    const client = clientOf(sandbox);
    const connectors = await client.listConnectors({ sandbox: true });
    expect(connectors.results.some((c) => c.id === 0)).toBe(true);
    expect((await client.getConnector(0)).name).toBe('Pluggy Bank');
    expect((await client.listCategories()).results.length).toBeGreaterThan(0);
    const item = await syncedItem(client);
    expect((await client.createConnectToken({ itemId: item.id })).accessToken.split('.')).toHaveLength(3);
    const hook = await client.createWebhook({ event: 'item/updated', url: 'https://example.com/hooks' });
    expect((await client.updateWebhook(hook.id, { enabled: false })).disabledAt).not.toBeNull();
    expect((await client.listWebhooks()).results.map((w) => w.id)).toEqual([hook.id]);
    await client.deleteWebhook(hook.id);
    expect((await client.listWebhooks()).results).toEqual([]);
    const refreshed = await client.updateItem(item.id);
    expect(refreshed.status).toBe('UPDATING');
    const again = await client.updateItem(item.id).catch((e: unknown) => e);
    expect((again as PluggyApiError).code).toBe('item_already_updating');
    expect(await client.deleteItem(item.id)).toEqual({ count: 1 });
  });
});
