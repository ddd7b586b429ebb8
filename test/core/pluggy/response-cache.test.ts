import { afterEach, describe, expect, it } from 'vitest';
import type { CacheStore } from '../../../src/core/pluggy';
import { json } from './helpers/stub-server';
import { clientFor, startPluggyStub, type PluggyStub } from './helpers/pluggy-stub';
import { connector } from './helpers/payloads';

let stub: PluggyStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const routes = {
  'GET /connectors': (_req: unknown, res: Parameters<typeof json>[0]) =>
    json(res, 200, { results: [connector] }),
  'GET /connectors/0': (_req: unknown, res: Parameters<typeof json>[0]) => json(res, 200, connector),
  'GET /categories': (_req: unknown, res: Parameters<typeof json>[0]) =>
    json(res, 200, { results: [{ id: '01000000', description: 'Income' }] }),
};

describe('the response cache of slow-changing reads', () => {
  it('serves connectors and categories from memory until their TTL passes', async () => {
    stub = await startPluggyStub(routes);
    const client = clientFor(stub, { cache: { connectorsTtlMs: 60_000, categoriesTtlMs: 120_000 } });
    await client.listConnectors({ sandbox: true });
    await client.listConnectors({ sandbox: true });
    await client.getConnector(0);
    await client.getConnector(0);
    await client.listCategories();
    await client.listCategories();
    expect(stub.count('GET', '/connectors')).toBe(1);
    expect(stub.count('GET', '/connectors/0')).toBe(1);
    expect(stub.count('GET', '/categories')).toBe(1);
    await client.listConnectors({ sandbox: false });
    expect(stub.count('GET', '/connectors')).toBe(2);
    stub.clock.advance(60_001);
    await client.listConnectors({ sandbox: true });
    await client.listCategories();
    expect(stub.count('GET', '/connectors')).toBe(3);
    expect(stub.count('GET', '/categories')).toBe(1);
    expect(await client.cacheHealth()).toMatchObject({ ok: true, kind: 'memory' });
  });

  it('lets concurrent misses share one request', async () => {
    stub = await startPluggyStub(routes);
    const client = clientFor(stub);
    await Promise.all(Array.from({ length: 10 }, () => client.listCategories()));
    expect(stub.count('GET', '/categories')).toBe(1);
  });

  it('falls back to Pluggy when the store fails or holds a damaged value, and reports it in health', async () => {
    stub = await startPluggyStub(routes);
    const broken: CacheStore = {
      get: (key) =>
        key.endsWith('categories') ? { results: 'damaged' } : Promise.reject(new Error('disk I/O error')),
      set: () => {
        throw new Error('database is locked');
      },
      health: () => ({ ok: false, kind: 'sqlite' }),
    };
    const client = clientFor(stub, { cache: { store: broken } });
    expect((await client.getConnector(0)).name).toBe('Pluggy Bank');
    expect((await client.listCategories()).results).toHaveLength(1);
    expect(stub.count('GET', '/categories')).toBe(1);
    const health = await client.cacheHealth();
    expect(health.ok).toBe(false);
    expect(health.lastError).toMatch(/database is locked|disk I\/O error/);
  });
});
