// Benchmark: how fast the sandbox gets a 100k-transaction item ready and serves all its /v2/transactions pages.
import { startSandbox } from '../../../src/sandbox';
import { Account, AuthResponse, Item, Page, TransactionPage } from '../../../src/shared/pluggy';
import type { BenchRow, BenchScenario } from '../types';

async function json<T>(schema: { parse(v: unknown): T }, url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return schema.parse(await response.json());
}

export const scenario: BenchScenario = {
  name: 'sandbox',
  description: 'Pluggy sandbox: 100k-transaction item start and serve-all-pages time',
  async run(): Promise<BenchRow[]> {
    const sb = await startSandbox({ transactionsPerAccount: 100_000, executionMs: 0, faultsFromEnv: false });
    try {
      const post = { method: 'POST', headers: { 'content-type': 'application/json' } };
      const { apiKey } = await json(AuthResponse, `${sb.url}/auth`, {
        ...post,
        body: JSON.stringify({ clientId: sb.clientId, clientSecret: sb.clientSecret }),
      });
      const headers = { 'x-api-key': apiKey };
      const t0 = performance.now();
      let item = await json(Item, `${sb.url}/items`, {
        ...post,
        headers: { ...post.headers, ...headers },
        body: JSON.stringify({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } }),
      });
      while (item.status !== 'UPDATED') item = await json(Item, `${sb.url}/items/${item.id}`, { headers });
      const ready = performance.now() - t0;
      const accounts = (await json(Page(Account), `${sb.url}/accounts?itemId=${item.id}`, { headers }))
        .results;
      const checking = accounts.find((a) => a.subtype === 'CHECKING_ACCOUNT');
      const t1 = performance.now();
      let next: string | null | undefined = `?accountId=${checking?.id}`;
      let count = 0;
      let pages = 0;
      while (next) {
        // `next` is relative, as Pluggy sends it.
        const page: TransactionPage = await json(TransactionPage, `${sb.url}/v2/transactions${next}`, {
          headers,
        });
        count += page.results.length;
        pages++;
        next = page.next;
      }
      const served = performance.now() - t1;
      return [
        { scenario: 'sandbox', metric: '100k item ready (executionMs 0)', value: ready, unit: 'ms' },
        {
          scenario: 'sandbox',
          metric: `serve all pages (${count} tx, ${pages} pages)`,
          value: served,
          unit: 'ms',
          note: `${Math.round(count / (served / 1000))} tx/s incl. client parse`,
        },
      ];
    } finally {
      await sb.close();
    }
  },
};
