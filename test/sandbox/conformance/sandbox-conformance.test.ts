// Every sandbox answer (each Pluggy route, success and error) matches its operation's response schema in the spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Account,
  Bill,
  ConsentPage,
  Investment,
  Loan,
  Page,
  TransactionPage,
  Webhook,
} from '../../../src/shared/pluggy';
import type { RouteModule } from '../../../src/sandbox/server';
import { startSandbox } from '../../../src/sandbox';
import { OK, SandboxClient } from '../helpers';
import { PROBES, type ProbeWorld } from './probes';
import { createSpecValidator } from './spec-validator';

const spec = createSpecValidator();
let c: SandboxClient;
let world: ProbeWorld;
let routes = '';

/** Lists the routes the sandbox serves, to show every one of them is probed. */
const listRoutes: RouteModule = (app) => {
  app.addHook('onReady', async () => {
    routes = app.printRoutes({ commonPrefix: false });
  });
};

beforeAll(async () => {
  const sandbox = await startSandbox(
    { admin: true, executionMs: 40, faultsFromEnv: false, seed: 'conformance', transactionsPerAccount: 700 },
    [listRoutes],
  );
  c = new SandboxClient(sandbox);
  await c.login();
  const item = (await c.waitItem((await c.createItem(OK)).id)).item;
  const doomed = (await c.waitItem((await c.createItem(OK)).id)).item;
  const openFinance = (await c.waitItem((await c.createItem({ cpf: '00000000404' }, 601)).id)).item;
  const consents = (await c.ok(ConsentPage, 'GET', `/consents?itemId=${openFinance.id}`)).body.results;
  const accounts = (await c.ok(Page(Account), 'GET', `/accounts?itemId=${item.id}`)).body.results;
  const accountId = accounts.find((a) => a.subtype === 'CHECKING_ACCOUNT')!.id;
  const cardAccountId = accounts.find((a) => a.type === 'CREDIT')!.id;
  const bills = (await c.ok(Page(Bill), 'GET', `/bills?accountId=${cardAccountId}`)).body.results;
  const page = (await c.ok(TransactionPage, 'GET', `/v2/transactions?accountId=${accountId}`)).body;
  const hook = (
    await c.ok(Webhook, 'POST', '/webhooks', { body: { event: 'item/error', url: 'https://example.org/w' } })
  ).body;
  const investments = (await c.ok(Page(Investment), 'GET', `/investments?itemId=${item.id}`)).body.results;
  const loans = (await c.ok(Page(Loan), 'GET', `/loans?itemId=${item.id}`)).body.results;
  world = {
    c,
    investmentId: investments.find((i) => i.type === 'EQUITY')!.id,
    loanId: loans[0]!.id,
    itemId: item.id,
    doomedItemId: doomed.id,
    accountId,
    cardAccountId,
    billId: bills[0]!.id,
    transactionId: page.results[0]!.id,
    webhookId: hook.id,
    openFinanceItemId: openFinance.id,
    consentId: consents[0]!.id,
  };
});
afterAll(async () => c.sandbox.close());

describe('the sandbox against Pluggy’s OpenAPI spec', () => {
  for (const probe of PROBES) {
    it(`${probe.operation} → ${probe.status} (${probe.what})`, async () => {
      const [method, specPath] = probe.operation.split(' ') as [string, string];
      const { path, body, key } = probe.request(world);
      const response = await c.raw(method, path, {
        ...(body !== undefined ? { body } : {}),
        ...(key !== undefined ? { key } : {}),
      });
      const json: unknown = await response.json();
      expect(response.status, JSON.stringify(json)).toBe(probe.status);
      expect(spec.check(method, specPath, response.status, json)).toEqual([]);
    });
  }

  it('probes every route of the API the sandbox serves', () => {
    expect(servedRoutes(routes)).toContain('GET /items/{id}');
    const probed = new Set(PROBES.map((p) => p.operation));
    // The Java SDK's legacy alias answers as POST /connect_token does; the connector icons stand in for
    // Pluggy's CDN, not its API.
    const unprobed = servedRoutes(routes).filter(
      (r) =>
        !probed.has(r) &&
        r !== 'POST /connecttokens' &&
        !/ \/(__sandbox|connect|connector-icons)(\/|$)/.test(r),
    );
    expect(unprobed).toEqual([]);
  });
});

/** `METHOD /path/{param}` for each route in Fastify's printRoutes tree (indented 4 columns a level). */
function servedRoutes(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const at = line.search(/[^│├└─ ]/);
    if (at < 0) continue;
    const depth = Math.floor(at / 4);
    const [, segment, methods] = /^(\S*)(?: \(([^)]+)\))?/.exec(line.slice(at)) ?? [];
    stack.length = depth;
    stack.push(segment ?? '');
    if (!methods) continue;
    const url = stack
      .join('')
      .replace(/\/+/g, '/')
      .replace(/:(\w+)/g, '{$1}');
    for (const m of methods.split(', ')) if (m !== 'HEAD') out.push(`${m} ${url}`);
  }
  return out.sort();
}
