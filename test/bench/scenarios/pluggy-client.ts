// Benchmark: the Pluggy client against the sandbox — per-call overhead, iteration throughput, cost of faults.
import { createPluggyClient, type PluggyClient, type RetryEvent } from '../../../src/core/pluggy';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import type { SleepClock } from '../../../src/core/clock';
import { percentile, timeEach } from '../stats';
import type { BenchRow, BenchScenario } from '../types';

const ROW = 'pluggy-client';

async function readyItem(client: PluggyClient): Promise<{ itemId: string; checking: string }> {
  let item = await client.createItem({
    connectorId: 0,
    parameters: { user: 'user-ok', password: 'password-ok' },
  });
  while (item.status !== 'UPDATED') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    item = await client.getItem(item.id);
  }
  const accounts = (await client.listAccounts(item.id)).results;
  return { itemId: item.id, checking: accounts.find((a) => a.subtype === 'CHECKING_ACCOUNT')!.id };
}

async function iterate(
  client: PluggyClient,
  accountId: string,
): Promise<{ tx: number; pages: number; ms: number }> {
  const t0 = performance.now();
  let tx = 0;
  let pages = 0;
  for await (const page of client.transactions(accountId)) {
    tx += page.results.length;
    pages++;
  }
  return { tx, pages, ms: performance.now() - t0 };
}

/** Virtual time: waits cost nothing, their sum is reported. */
function virtualClock(): SleepClock & { waited: number } {
  let now = Date.now();
  const clock = {
    waited: 0,
    now: () => now,
    sleep: async (ms: number) => {
      clock.waited += ms;
      now += ms;
    },
  };
  return clock;
}

export const scenario: BenchScenario = {
  name: 'pluggy-client',
  description: 'Pluggy client on got vs plain fetch; 20k-transaction iteration; the same with faults',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    let sb: RunningSandbox | undefined = await startSandbox({
      transactionsPerAccount: 20_000,
      executionMs: 0,
      faultsFromEnv: false,
      rateLimits: { 'GET /accounts/:id': 1_000_000 },
    });
    try {
      const client = createPluggyClient({
        baseUrl: sb.url,
        clientId: sb.clientId,
        clientSecret: sb.clientSecret,
        limits: false,
      });
      const { checking } = await readyItem(client);
      await client.getAccount(checking);
      const viaClient = await timeEach(1_000, () => client.getAccount(checking));
      const headers = {
        'x-api-key': (
          (await (
            await fetch(`${sb.url}/auth`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ clientId: sb.clientId, clientSecret: sb.clientSecret }),
            })
          ).json()) as { apiKey: string }
        ).apiKey,
      };
      const viaFetch = await timeEach(1_000, async () =>
        (await fetch(`${sb!.url}/accounts/${checking}`, { headers })).json(),
      );
      const p50 = percentile(viaClient, 50);
      rows.push(
        {
          scenario: ROW,
          metric: 'GET /accounts/:id p50 (client, parsed)',
          value: p50,
          unit: 'ms',
          note: `p99 ${percentile(viaClient, 99).toFixed(2)} ms`,
        },
        {
          scenario: ROW,
          metric: 'GET /accounts/:id p50 (plain fetch)',
          value: percentile(viaFetch, 50),
          unit: 'ms',
          note: 'baseline, no parse/retry/limiter',
        },
      );
      const clean = await iterate(client, checking);
      rows.push({
        scenario: ROW,
        metric: `iterate ${clean.tx} tx / ${clean.pages} pages`,
        value: clean.ms,
        unit: 'ms',
        note: `${Math.round(clean.tx / (clean.ms / 1000))} tx/s`,
      });
      await sb.close();

      sb = await startSandbox({
        transactionsPerAccount: 20_000,
        executionMs: 0,
        faultsFromEnv: false,
        faults: {
          error5xxRate: 0.1,
          resetRate: 0.1,
          burst429: { every: 20, length: 1 },
          forceApiKeyExpiryEvery: 7,
          routes: ['GET /v2/transactions'],
        },
      });
      const clock = virtualClock();
      const retries: RetryEvent[] = [];
      const faulty = createPluggyClient({
        baseUrl: sb.url,
        clientId: sb.clientId,
        clientSecret: sb.clientSecret,
        clock,
        retry: { maxAttempts: 6 },
        onRetry: (e) => retries.push(e),
      });
      const item = await readyItem(faulty);
      const faultRun = await iterate(faulty, item.checking);
      rows.push({
        scenario: ROW,
        metric: `iterate ${faultRun.tx} tx with faults (10% 5xx, 10% resets, 429s, key expiry)`,
        value: faultRun.ms,
        unit: 'ms',
        note: `${retries.length} retries, ${faulty.authCalls} /auth, ${Math.round(clock.waited / 1000)} s of backoff on a virtual clock`,
      });
      return rows;
    } finally {
      await sb.close();
    }
  },
};
