// /v2/transactions cursor pages against the ground truth, filters, legacy 410, and a 100k-transaction item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SandboxTruth, SandboxTruthSummary } from '../../src/sandbox';
import {
  Account,
  Category,
  LegacyTransactionPage,
  Page,
  Transaction,
  TransactionPage,
  type Item,
} from '../../src/shared/pluggy';
import { OK, startClient, type SandboxClient } from './helpers';

/** Reads every page as pluggy-sdk does: the first query's filters sent again with each `next`'s cursor. */
async function allPages(c: SandboxClient, first: string): Promise<{ txs: Transaction[]; pages: number }> {
  const txs: Transaction[] = [];
  let url: string | null = first;
  let pages = 0;
  while (url) {
    const page: TransactionPage = (await c.ok(TransactionPage, 'GET', url)).body;
    txs.push(...page.results);
    pages++;
    if (!page.next) break;
    expect(page.next).toMatch(/^\?accountId=[^&]+&after=[^&]+$/);
    const following = new URL(first, c.url);
    following.searchParams.set('after', new URLSearchParams(page.next.slice(1)).get('after')!);
    url = `${following.pathname}${following.search}`;
  }
  return { txs, pages };
}

describe('sandbox transactions', () => {
  let c: SandboxClient;
  let item: Item;
  let accounts: Account[];
  beforeAll(async () => {
    c = await startClient({ transactionsPerAccount: 1_200, seed: 'tx-test' });
    item = (await c.waitItem((await c.createItem(OK)).id)).item;
    accounts = (await c.ok(Page(Account), 'GET', `/accounts?itemId=${item.id}`)).body.results;
  });
  afterAll(async () => c.sandbox.close());

  it('follows `next` over 3 pages of ≤ 500 and returns exactly the ground truth', async () => {
    const checking = accounts.find((a) => a.subtype === 'CHECKING_ACCOUNT');
    if (!checking) throw new Error('no checking account');
    const { txs, pages } = await allPages(c, `/v2/transactions?accountId=${checking.id}`);
    expect(pages).toBe(3);
    const truth = (await c.ok(SandboxTruth, 'GET', `/__sandbox/truth?itemId=${item.id}`)).body;
    expect(txs).toEqual(truth.transactions.filter((t) => t.accountId === checking.id));
    expect(new Set(txs.map((t) => t.id)).size).toBe(1_200);
  });

  it('uses the documented signs: bank debits negative, card purchases positive, pending card items near the end', async () => {
    const truth = (await c.ok(SandboxTruth, 'GET', `/__sandbox/truth?itemId=${item.id}`)).body;
    const card = truth.accounts.find((a) => a.type === 'CREDIT');
    expect(card?.creditData?.creditLimit).toBeGreaterThan(0);
    for (const t of truth.transactions) {
      const account = truth.accounts.find((a) => a.id === t.accountId);
      if (account?.type === 'BANK') expect(Math.sign(t.amount)).toBe(t.type === 'DEBIT' ? -1 : 1);
      else expect(Math.sign(t.amount)).toBe(t.type === 'DEBIT' ? 1 : -1);
    }
    expect(
      truth.transactions.some(
        (t) =>
          t.paymentData?.paymentMethod === 'PIX' &&
          /^\d{11}$/.test(t.paymentData.receiver?.documentNumber?.value ?? ''),
      ),
    ).toBe(true);
    expect(truth.transactions.some((t) => (t.creditCardMetadata?.totalInstallments ?? 0) > 1)).toBe(true);
    expect(truth.transactions.some((t) => t.paymentData?.boletoMetadata?.digitableLine)).toBe(true);
    expect(truth.transactions.some((t) => t.status === 'PENDING')).toBe(true);
    expect(truth.transactions.some((t) => t.description.startsWith('Salário'))).toBe(true);
  });

  it('filters by dateFrom/dateTo (inclusive days) and by ids', async () => {
    const account = accounts[0];
    if (!account) throw new Error('no account');
    const truth = (
      await c.ok(SandboxTruth, 'GET', `/__sandbox/truth?itemId=${item.id}`)
    ).body.transactions.filter((t) => t.accountId === account.id);
    const mid = truth[600];
    if (!mid) throw new Error('too few transactions');
    const day = mid.date.slice(0, 10);
    const { txs } = await allPages(
      c,
      `/v2/transactions?accountId=${account.id}&dateFrom=${day}&dateTo=${day}`,
    );
    expect(txs.length).toBeGreaterThan(0);
    expect(txs.every((t) => t.date.startsWith(day))).toBe(true);
    expect(txs).toEqual(truth.filter((t) => t.date.startsWith(day)));
    const ids = truth.slice(0, 3).map((t) => t.id);
    const byIds = (
      await c.ok(TransactionPage, 'GET', `/v2/transactions?accountId=${account.id}&ids=${ids.join(',')}`)
    ).body;
    expect(byIds.results.map((t) => t.id)).toEqual(ids);
    expect(
      (
        await c.fail(
          'GET',
          `/v2/transactions?accountId=${account.id}&dateFrom=${day}&createdAtFrom=${mid.createdAt}`,
        )
      ).status,
    ).toBe(400);
  });

  it('after an advance, a re-sync brings new, posted and re-created transactions found with createdAtFrom', async () => {
    const before = (await c.ok(SandboxTruth, 'GET', `/__sandbox/truth?itemId=${item.id}`)).body;
    await c.ok(z.object({ advancePending: z.boolean() }), 'POST', `/__sandbox/advance?itemId=${item.id}`);
    await new Promise((r) => setTimeout(r, 5));
    const since = new Date().toISOString();
    await c.ok(z.unknown(), 'PATCH', `/items/${item.id}`, { body: {} });
    await c.waitItem(item.id);
    const after = (await c.ok(SandboxTruth, 'GET', `/__sandbox/truth?itemId=${item.id}`)).body;
    const beforeIds = new Set(before.transactions.map((t) => t.id));
    const afterIds = new Set(after.transactions.map((t) => t.id));
    const added = after.transactions.filter((t) => !beforeIds.has(t.id));
    const removed = before.transactions.filter((t) => !afterIds.has(t.id));
    expect(added.length).toBeGreaterThan(0);
    expect(removed.length).toBe(1);
    const posted = after.transactions.filter(
      (t) =>
        beforeIds.has(t.id) &&
        t.status === 'POSTED' &&
        before.transactions.find((b) => b.id === t.id)?.status === 'PENDING',
    );
    expect(posted.length).toBeGreaterThan(0);
    const viaApi: Transaction[] = [];
    for (const account of accounts)
      viaApi.push(
        ...(await allPages(c, `/v2/transactions?accountId=${account.id}&createdAtFrom=${since}`)).txs,
      );
    expect(viaApi.map((t) => t.id).sort()).toEqual(added.map((t) => t.id).sort());
  });

  it('answers 410 ENDPOINT_DEPRECATED on the legacy GET /transactions', async () => {
    const reply = await c.fail('GET', `/transactions?accountId=${accounts[0]?.id}`);
    expect(reply.status).toBe(410);
    expect(reply.body.codeDescription).toBe('ENDPOINT_DEPRECATED');
    expect(reply.body.errorId).toBeTruthy();
  });

  it('reads and re-categorises one transaction; lists categories', async () => {
    const first = (await c.ok(TransactionPage, 'GET', `/v2/transactions?accountId=${accounts[0]?.id}`)).body
      .results[0];
    if (!first) throw new Error('empty');
    expect((await c.ok(Transaction, 'GET', `/transactions/${first.id}`)).body).toEqual(first);
    const categories = (await c.ok(Page(Category), 'GET', '/categories')).body.results;
    const target = categories.find((cat) => cat.id !== first.categoryId);
    const patched = (
      await c.ok(Transaction, 'PATCH', `/transactions/${first.id}`, { body: { categoryId: target?.id } })
    ).body;
    expect(patched.categoryId).toBe(target?.id);
    expect((await c.ok(Category, 'GET', `/categories/${target?.id}`)).body.id).toBe(target?.id);
    expect((await c.fail('GET', '/categories/nope')).status).toBe(404);
  });

  it('the same seed generates the same data', async () => {
    const twin = await startClient({ transactionsPerAccount: 1_200, seed: 'tx-test' });
    try {
      const twinItem = (await twin.waitItem((await twin.createItem(OK)).id)).item;
      expect(twinItem.id).toBe(item.id);
      const a = (await twin.ok(SandboxTruthSummary, 'GET', `/__sandbox/truth/summary?itemId=${twinItem.id}`))
        .body;
      expect(a.accounts.map((x) => x.account.id)).toEqual(accounts.map((x) => x.id));
      const first = (
        await twin.ok(TransactionPage, 'GET', `/v2/transactions?accountId=${accounts[1]?.id}`)
      ).body.results.slice(0, 5);
      const mine = (
        await c.ok(TransactionPage, 'GET', `/v2/transactions?accountId=${accounts[1]?.id}`)
      ).body.results.slice(0, 5);
      expect(first.map((t) => [t.id, t.amount, t.description])).toEqual(
        mine.map((t) => [t.id, t.amount, t.description]),
      );
    } finally {
      await twin.sandbox.close();
    }
  });
});

describe('sandbox legacy transactions and large items', () => {
  it('serves the old page shape when legacyTransactions is on', async () => {
    const c = await startClient({ legacyTransactions: true, transactionsPerAccount: 45 });
    try {
      const item = (await c.waitItem((await c.createItem(OK)).id)).item;
      const account = (await c.ok(Page(Account), 'GET', `/accounts?itemId=${item.id}`)).body.results[0];
      const page = (
        await c.ok(LegacyTransactionPage, 'GET', `/transactions?accountId=${account?.id}&page=2&pageSize=20`)
      ).body;
      expect([page.total, page.totalPages, page.page, page.results.length]).toEqual([45, 3, 2, 20]);
    } finally {
      await c.sandbox.close();
    }
  });

  it('a 100k-transaction item starts fast and serves all its pages', async () => {
    const c = await startClient({ transactionsPerAccount: 100_000, executionMs: 0 });
    try {
      const t0 = performance.now();
      const item = (await c.waitItem((await c.createItem(OK)).id)).item;
      const ready = performance.now() - t0;
      const account = (await c.ok(Page(Account), 'GET', `/accounts?itemId=${item.id}`)).body.results.find(
        (a) => a.subtype === 'CHECKING_ACCOUNT',
      );
      const t1 = performance.now();
      const { txs, pages } = await allPages(c, `/v2/transactions?accountId=${account?.id}`);
      const served = performance.now() - t1;
      console.log(
        `100k item: ready in ${ready.toFixed(0)} ms; ${txs.length} transactions in ${pages} pages served in ${served.toFixed(0)} ms`,
      );
      expect(txs).toHaveLength(100_000);
      expect(pages).toBe(200);
    } finally {
      await c.sandbox.close();
    }
  });
});
