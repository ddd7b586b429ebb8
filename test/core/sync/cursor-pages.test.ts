// Cursor links as Pluggy sends them (relative, only a cursor), and account lists read whole or not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemSleepClock } from '../../../src/core/clock';
import { createEventBus } from '../../../src/core/events/event-bus';
import { silentLogger } from '../../../src/core/logging/logger';
import type { SyncApi } from '../../../src/core/sync/sync-api';
import { createSyncEngine } from '../../../src/core/sync/sync-engine';
import { startSyncWorld, storedIds, type SyncWorld } from '../../helpers/sync-world';

const PAGE = 100;
let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 700, pageSize: PAGE, seed: 'cursor-pages' });
});
afterAll(() => world.close());

interface PageEntry {
  accountId: string;
  dateFrom: string | null;
  rows: number;
}

function pageEntries(itemId: string, runId: number): PageEntry[] {
  return world.db
    .prepare(
      `SELECT json_extract(details, '$.accountId') AS accountId, json_extract(details, '$.dateFrom') AS dateFrom,
         json_extract(details, '$.rows') AS rows
       FROM audit_log WHERE action = 'open_finance.sync.page' AND connection_id = ?
         AND json_extract(details, '$.runId') = ?`,
    )
    .all(itemId, runId) as PageEntry[];
}

describe('a first sync through a sandbox whose next links drop the filters', () => {
  let itemId = '';

  it('stores exactly the ground truth, reading no page twice', async () => {
    const item = await world.connect('user-ok');
    itemId = item.id;
    await world.resetCounts();
    const result = await world.engine.sync(item.id, 'connect').done;
    expect(result.outcome).toBe('success');
    const truth = await world.truth(item.id);
    expect(storedIds(world.db, item.id)).toEqual(truth.transactions.map((t) => t.id).sort());

    const pages = pageEntries(item.id, result.runId);
    // Every row arrived once: the date ranges never ran on into each other's rows.
    expect(pages.reduce((n, p) => n + p.rows, 0)).toBe(truth.transactions.length);
    // Each range took exactly the pages its rows need, and each page was one request.
    const byRange = new Map<string, { pages: number; rows: number }>();
    for (const p of pages) {
      const key = `${p.accountId}|${p.dateFrom}`;
      const r = byRange.get(key) ?? { pages: 0, rows: 0 };
      byRange.set(key, { pages: r.pages + 1, rows: r.rows + p.rows });
    }
    for (const [range, r] of byRange) expect(r.pages, range).toBe(Math.max(1, Math.ceil(r.rows / PAGE)));
    expect((await world.requestCounts())['GET /v2/transactions']).toBe(pages.length);
  });

  function engineWith(api: Partial<SyncApi>) {
    const c = world.client;
    return createSyncEngine({
      db: world.db,
      api: {
        getItem: (id) => c.getItem(id),
        updateItem: (id) => c.updateItem(id),
        listAccounts: (id, type) => c.listAccounts(id, type),
        transactionPages: (accountId, query, decode) => c.transactionPages(accountId, query, decode),
        ...api,
      },
      clock: systemSleepClock,
      events: createEventBus(),
      logger: silentLogger(),
    });
  }

  const removedAt = (accountId: string) =>
    world.db.prepare('SELECT removed_at FROM accounts WHERE id = ?').pluck().get(accountId);

  it('never marks an account removed when the list was cut short', async () => {
    const missing = (await world.truth(itemId)).accounts[0]!.id;
    const engine = engineWith({
      listAccounts: async (id, type) => {
        const list = await world.client.listAccounts(id, type);
        return { ...list, results: list.results.filter((a) => a.id !== missing), complete: false };
      },
    });
    expect((await engine.sync(itemId, 'webhook').done).outcome).toBe('success');
    await engine.drain();
    expect(removedAt(missing)).toBeNull();
  });

  it('never marks an account removed after a partial execution', async () => {
    const missing = (await world.truth(itemId)).accounts[0]!.id;
    const engine = engineWith({
      getItem: async (id) => ({ ...(await world.client.getItem(id)), executionStatus: 'PARTIAL_SUCCESS' }),
      listAccounts: async (id, type) => {
        const list = await world.client.listAccounts(id, type);
        return { ...list, results: list.results.filter((a) => a.id !== missing) };
      },
    });
    expect((await engine.sync(itemId, 'webhook').done).outcome).toBe('success');
    await engine.drain();
    expect(removedAt(missing)).toBeNull();
  });

  it('marks it removed when a whole list no longer has it', async () => {
    const missing = (await world.truth(itemId)).accounts[0]!.id;
    const engine = engineWith({
      listAccounts: async (id, type) => {
        const list = await world.client.listAccounts(id, type);
        return { ...list, results: list.results.filter((a) => a.id !== missing) };
      },
    });
    expect((await engine.sync(itemId, 'webhook').done).outcome).toBe('success');
    await engine.drain();
    expect(removedAt(missing)).not.toBeNull();
  });
});
