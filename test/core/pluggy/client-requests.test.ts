import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/shared/errors';
import {
  isPluggyBadPayloadError,
  isPluggyNotFoundError,
  type PluggyApiError,
} from '../../../src/core/pluggy';
import { decodeRowPage } from '../../../src/core/sync/page-decoder/decode-row-page';
import { json } from './helpers/stub-server';
import { clientFor, startPluggyStub, type PluggyStub } from './helpers/pluggy-stub';
import { account, item, transaction } from './helpers/payloads';

let stub: PluggyStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('Pluggy client requests', () => {
  it('encodes query strings: ids with & and +, names with spaces and accents', async () => {
    stub = await startPluggyStub({
      'GET /v2/transactions': (_req, res) => json(res, 200, { results: [], next: null }),
      'GET /connectors': (_req, res) => json(res, 200, { results: [] }),
    });
    const client = clientFor(stub);
    for await (const _page of client.transactions('acc 1&x=y', { ids: ['a&b=1', 'c+d', 'e f'] })) {
      // one empty page
    }
    await client.listConnectors({ name: 'Itaú & Cia + 1', countries: ['BR'], sandbox: true });
    const [tx, conn] = stub.seen.filter((r) => r.method === 'GET');
    const txQuery = new URL(tx!.url, 'http://x').searchParams;
    expect(txQuery.get('accountId')).toBe('acc 1&x=y');
    expect(txQuery.get('ids')!.split(',')).toEqual(['a&b=1', 'c+d', 'e f']);
    expect(tx!.url).not.toContain('a&b');
    expect(new URL(conn!.url, 'http://x').searchParams.get('name')).toBe('Itaú & Cia + 1');
  });

  it('refuses an id with a comma and dateFrom with createdAtFrom before sending anything', async () => {
    stub = await startPluggyStub({});
    const client = clientFor(stub);
    expect(() => client.transactions('acc-1', { ids: ['a,b'] })).toThrow(/comma/);
    const both = (() => {
      try {
        client.transactions('acc-1', { dateFrom: '2026-01-01', createdAtFrom: '2026-01-01T00:00:00Z' });
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(both) && both.code).toBe('invalid_input');
    await expect(client.createItem({ connectorId: 0.5, parameters: {} })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(stub.seen).toHaveLength(0);
  });

  it('honours baseUrl, path prefix included', async () => {
    stub = await startPluggyStub(
      { 'GET /accounts/acc-1': (_req, res) => json(res, 200, account()) },
      '/proxy/pluggy',
    );
    const client = clientFor(stub, { baseUrl: `${stub.url}/proxy/pluggy` });
    expect((await client.getAccount('acc-1')).id).toBe('acc-1');
    expect(stub.seen.map((r) => r.url)).toEqual(['/proxy/pluggy/auth', '/proxy/pluggy/accounts/acc-1']);
  });

  it('names the failing field when a payload does not match its schema', async () => {
    stub = await startPluggyStub({
      'GET /accounts/acc-1': (_req, res) => json(res, 200, { ...account(), balance: '10.50' }),
      'GET /accounts': (_req, res) =>
        json(res, 200, { results: [account(), { ...account('b'), currencyCode: 7 }] }),
      'GET /items/item-1': (_req, res) => void res.end('<html>oops</html>'),
    });
    const client = clientFor(stub);
    const one = (await client.getAccount('acc-1').catch((e: unknown) => e)) as PluggyApiError;
    expect(isPluggyBadPayloadError(one)).toBe(true);
    expect(one.issues[0]!.path).toBe('balance');
    expect(one.message).toMatch(/GET \/accounts\/:id .*balance: .*number/);
    // In a list, the bad account is left out and described; the others are read.
    const list = await client.listAccounts('item-1');
    expect(list.results.map((a) => a.id)).toEqual([account().id]);
    expect(list.skipped).toEqual([{ id: 'b', index: 1, path: 'currencyCode', reason: expect.any(String) }]);
    const html = (await client.getItem('item-1').catch((e: unknown) => e)) as PluggyApiError;
    expect(html.message).toContain('not JSON');
  });

  it('reads every page of GET /accounts, and calls a list shorter than its total partial', async () => {
    stub = await startPluggyStub({
      'GET /accounts': (_req, res, { url }) => {
        const page = Number(url.searchParams.get('page') ?? '1');
        const total = url.searchParams.get('itemId') === 'short' ? 5 : 3;
        return json(res, 200, {
          page,
          total,
          totalPages: 2,
          results: page === 1 ? [account('a'), account('b')] : [account('c')],
        });
      },
    });
    const client = clientFor(stub);
    const whole = await client.listAccounts('item-1');
    expect(whole.results.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(whole.complete).toBe(true);
    expect(stub.seen.map((r) => r.url).filter((u) => u.startsWith('/accounts'))).toEqual([
      '/accounts?itemId=item-1',
      '/accounts?itemId=item-1&page=2',
    ]);
    expect((await client.listAccounts('short')).complete).toBe(false);
  });

  it('follows next one page at a time, sending its own filters again with the cursor', async () => {
    const pages: Record<string, { results: unknown[]; next: string | null }> = {
      '': { results: [transaction('t1'), transaction('t2')], next: '?accountId=acc-1&after=c%2B1%3D' },
      'c+1=': { results: [transaction('t3')], next: 'PLACEHOLDER' },
      c2: { results: [transaction('t4')], next: null },
    };
    stub = await startPluggyStub({
      'GET /v2/transactions': (_req, res, { url }) =>
        json(res, 200, pages[url.searchParams.get('after') ?? '']),
    });
    pages['c+1=']!.next = `${stub.url}/v2/transactions?accountId=acc-1&after=c2`;
    const client = clientFor(stub);
    const iterator = client.transactions('acc-1', { createdAtFrom: '2026-01-01T00:00:00.000Z' });
    const first = await iterator.next();
    expect(first.value).toMatchObject({ results: [{ id: 't1' }, { id: 't2' }] });
    expect(stub.count('GET', '/v2/transactions')).toBe(1);
    const ids: string[] = [];
    for await (const page of { [Symbol.asyncIterator]: () => iterator })
      ids.push(...page.results.map((t) => t.id));
    expect(ids).toEqual(['t3', 't4']);
    const urls = stub.seen.filter((r) => r.url.startsWith('/v2/')).map((r) => r.url);
    // Pluggy's relative link carries only the account and the cursor; the watermark goes out again with it.
    expect(urls).toEqual([
      '/v2/transactions?accountId=acc-1&createdAtFrom=2026-01-01T00%3A00%3A00.000Z',
      '/v2/transactions?accountId=acc-1&createdAtFrom=2026-01-01T00%3A00%3A00.000Z&after=c%2B1%3D',
      '/v2/transactions?accountId=acc-1&createdAtFrom=2026-01-01T00%3A00%3A00.000Z&after=c2',
    ]);
  });

  it('hands transaction pages to a body decoder, follows its next links and reports what it refused', async () => {
    stub = await startPluggyStub({
      'GET /v2/transactions': (_req, res, { url }) => {
        const after = url.searchParams.get('after');
        if (after === 'p3') return json(res, 200, { data: 'not a page' });
        if (after === 'p2')
          return json(res, 200, {
            results: [{ ...transaction('t3'), date: 'someday' }, transaction('t4')],
            next: '?accountId=a&after=p3',
          });
        return json(res, 200, {
          results: [transaction('t1'), transaction('t2')],
          next: '?accountId=a&after=p2',
        });
      },
    });
    const client = clientFor(stub);
    const ids: string[][] = [];
    const skipped: unknown[][] = [];
    const run = async () => {
      for await (const page of client.transactionPages('a', {}, (body) =>
        Promise.resolve(decodeRowPage(body)),
      )) {
        ids.push(page.rows.map((r) => r[0]));
        skipped.push(page.skipped);
      }
    };
    const error = (await run().catch((e: unknown) => e)) as PluggyApiError;
    // A bad row is left out of its page and reported; a body that is no page at all fails the read.
    expect(ids).toEqual([['t1', 't2'], ['t4']]);
    expect(skipped).toEqual([[], [{ id: 't3', index: 0, path: 'date', reason: expect.any(String) }]]);
    expect(isPluggyBadPayloadError(error)).toBe(true);
    expect(error.issues).toEqual([{ path: 'results', message: expect.any(String) }]);
    expect(error.message).toMatch(/GET \/v2\/transactions .*results/);
  });

  it('resumes from a stored next link and stops on a cursor that repeats', async () => {
    stub = await startPluggyStub({
      'GET /v2/transactions': (_req, res) =>
        json(res, 200, { results: [transaction('t')], next: '?accountId=a&after=same' }),
    });
    const client = clientFor(stub);
    const seen: number[] = [];
    const run = async () => {
      for await (const page of client.transactions('a', { resumeFrom: 'accountId=a&after=first' }))
        seen.push(page.results.length);
    };
    await expect(run()).rejects.toMatchObject({ name: 'PluggyBadPayloadError' });
    expect(seen).toEqual([1, 1]);
    expect(stub.seen[1]!.url).toBe('/v2/transactions?accountId=a&after=first');
  });

  it('sends the documented bodies and reads 404 as PluggyNotFoundError', async () => {
    stub = await startPluggyStub({
      'POST /connect_token': (_req, res) =>
        json(res, 200, { accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJjbGllbnRJZCI6ImEifQ.c2lnbmF0dXJlLXgx' }),
      'PATCH /items/item-1': (_req, res) => json(res, 200, item()),
      'DELETE /items/item-1': (_req, res) => json(res, 200, { count: 1 }),
      'DELETE /items/gone': (_req, res) => json(res, 404, { code: 404, message: 'Item not found' }),
    });
    const client = clientFor(stub);
    await client.createConnectToken({ itemId: 'item-1', clientUserId: 'u1', avoidDuplicates: true });
    await client.updateItem('item-1');
    expect(await client.deleteItem('item-1')).toEqual({ count: 1 });
    const gone = await client.deleteItem('gone').catch((e: unknown) => e);
    expect(isPluggyNotFoundError(gone)).toBe(true);
    const bodies = stub.seen.filter((r) => r.url !== '/auth').map((r) => [r.method, r.url, r.body]);
    expect(bodies.slice(0, 3)).toEqual([
      [
        'POST',
        '/connect_token',
        JSON.stringify({ itemId: 'item-1', options: { clientUserId: 'u1', avoidDuplicates: true } }),
      ],
      ['PATCH', '/items/item-1', '{}'],
      ['DELETE', '/items/item-1', ''],
    ]);
  });

  it('stops an iteration when its signal aborts, between pages', async () => {
    stub = await startPluggyStub({
      'GET /v2/transactions': (_req, res, { url }) =>
        json(res, 200, {
          results: [transaction('t')],
          next: `?accountId=a&after=${Number(url.searchParams.get('after') ?? 0) + 1}`,
        }),
    });
    const client = clientFor(stub);
    const controller = new AbortController();
    let pages = 0;
    const run = async () => {
      for await (const _page of client.transactions('a', { signal: controller.signal })) {
        pages++;
        if (pages === 2) controller.abort(new Error('user closed the window'));
      }
    };
    await expect(run()).rejects.toThrow('user closed the window');
    expect(pages).toBe(2);
    expect(stub.count('GET', '/v2/transactions')).toBe(2);
  });

  it('accepts any 2xx answer to a mutation, not only 200', async () => {
    stub = await startPluggyStub({
      'POST /webhooks': (_req, res) =>
        json(res, 201, {
          id: 'w1',
          url: 'https://example.com/h',
          event: 'all',
          createdAt: '2026-03-01T00:00:00.000Z',
        }),
      'DELETE /webhooks/w1': (_req, res) => void res.writeHead(204).end(),
    });
    const client = clientFor(stub);
    expect((await client.createWebhook({ event: 'all', url: 'https://example.com/h' })).id).toBe('w1');
    await expect(client.deleteWebhook('w1')).resolves.toBeUndefined();
  });
});
