import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemSleepClock } from '../../../src/core/clock';
import { createEventBus } from '../../../src/core/events/event-bus';
import { silentLogger } from '../../../src/core/logging/logger';
import { getSyncState, listRetries } from '../../../src/core/store';
import type { SyncApi } from '../../../src/core/sync/sync-api';
import { createSyncEngine } from '../../../src/core/sync/sync-engine';
import { toCentavos } from '../../../src/shared/money';
import { startSyncWorld, storedIds, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 700, pageSize: 250 });
});
afterAll(() => world.close());

async function expectConverged(itemId: string) {
  const truth = await world.truth(itemId);
  const stored = storedIds(world.db, itemId);
  const expected = truth.transactions.map((t) => t.id).sort();
  expect(new Set(stored).size).toBe(stored.length);
  expect(stored).toEqual(expected);
  // Contents too, not only ids: status and amount of every stored row match Pluggy's.
  const rows = world.db
    .prepare('SELECT id, status, amount FROM transactions WHERE removed_at IS NULL')
    .all() as { id: string; status: string; amount: number }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const t of truth.transactions) {
    expect(byId.get(t.id), t.id).toMatchObject({
      status: t.status ?? 'POSTED',
      amount: toCentavos(t.amount),
    });
  }
}

describe('the sync engine against the sandbox', () => {
  let itemId: string;

  it('stores exactly the ground truth on the first sync', async () => {
    const item = await world.connect('user-ok');
    itemId = item.id;
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const run = world.engine.sync(itemId, 'connect');
    const result = await run.done;
    process.off('warning', onWarning);
    expect(result.outcome).toBe('success');
    await expectConverged(itemId);
    // Every account's date ranges listen to the run's abort signal at once: no "possible leak" warning.
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
    expect(getSyncState(world.db, itemId).watermark).not.toBeNull();
  });

  it('reads a first sync’s year as four date ranges per account, each page audited with its range', async () => {
    const accounts = (await world.truth(itemId)).accounts.map((a) => a.id);
    const pages = world.db
      .prepare(
        `SELECT json_extract(details, '$.accountId') AS accountId, json_extract(details, '$.dateFrom') AS dateFrom,
           json_extract(details, '$.dateTo') AS dateTo
         FROM audit_log WHERE action = 'open_finance.sync.page' AND connection_id = ?`,
      )
      .all(itemId) as { accountId: string; dateFrom: string; dateTo: string | null }[];
    for (const account of accounts) {
      const ranges = [
        ...new Set(
          pages.filter((p) => p.accountId === account).map((p) => `${p.dateFrom}…${p.dateTo ?? ''}`),
        ),
      ];
      expect(ranges.sort()).toHaveLength(4);
      // Contiguous, never sharing a day, the last one open-ended.
      const sorted = ranges.map((r) => r.split('…'));
      const dayAfter = (day: string) =>
        new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0]).toBe(dayAfter(sorted[i - 1]![1]!));
      expect(sorted.at(-1)![1]).toBe('');
    }
  });

  it('converges after new, posted, deleted and re-created transactions (0 missing, 0 duplicates)', async () => {
    for (let round = 0; round < 3; round++) {
      await world.advance(itemId);
      const result = await world.engine.sync(itemId, 'manual').done;
      expect(result.outcome).toBe('success');
      await expectConverged(itemId);
    }
    const removed = world.db
      .prepare('SELECT count(*) FROM transactions WHERE removed_at IS NOT NULL')
      .pluck()
      .get();
    expect(removed).toBeGreaterThan(0);
  });

  it('makes only O(accounts) requests when nothing is new', async () => {
    const accounts = (await world.truth(itemId)).accounts.length;
    await world.resetCounts();
    const result = await world.engine.sync(itemId, 'poll').done;
    expect(result.outcome).toBe('success');
    const counts = await world.requestCounts();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(counts['GET /v2/transactions']).toBeLessThanOrEqual(2 * accounts);
    // Plus one list each of investments and loans (an unchanged position's movements are not asked for).
    expect(counts['GET /investments/:id/transactions']).toBeUndefined();
    expect(total).toBeLessThanOrEqual(2 * accounts + 3 + 2);
  });

  it('asks for a settled item’s accounts with the item, and again only when the item was still updating', async () => {
    const item = await world.connect('user-ok');
    await world.resetCounts();
    // Just created, so still UPDATING at the first look: the early answer is not used.
    expect((await world.engine.sync(item.id, 'connect').done).outcome).toBe('success');
    expect((await world.requestCounts())['GET /accounts']).toBe(2);
    await world.resetCounts();
    expect((await world.engine.sync(item.id, 'webhook').done).outcome).toBe('success');
    expect((await world.requestCounts())['GET /accounts']).toBe(1);
    const stored = world.db.prepare('SELECT id FROM accounts WHERE connection_id = ?').pluck().all(item.id);
    expect(stored.sort()).toEqual((await world.truth(item.id)).accounts.map((a) => a.id).sort());
  });

  it('asks for the accounts again when the early request failed', async () => {
    const item = await world.connect('user-ok');
    expect((await world.engine.sync(item.id, 'connect').done).outcome).toBe('success');
    let calls = 0;
    const flaky: SyncApi = {
      getItem: (id) => world.client.getItem(id),
      updateItem: (id) => world.client.updateItem(id),
      transactionPages: (accountId, query, decode) => world.client.transactionPages(accountId, query, decode),
      listAccounts: (id, type) => {
        calls += 1;
        return calls === 1
          ? Promise.reject(new Error('connection reset'))
          : world.client.listAccounts(id, type);
      },
    };
    const engine = createSyncEngine({
      db: world.db,
      api: flaky,
      clock: systemSleepClock,
      events: createEventBus(),
      logger: silentLogger(),
    });
    expect((await engine.sync(item.id, 'webhook').done).outcome).toBe('success');
    await engine.drain();
    expect(calls).toBe(2);
  });

  it('joins a second trigger to the run in progress', async () => {
    const first = world.engine.sync(itemId, 'manual');
    const second = world.engine.sync(itemId, 'webhook');
    expect(second.started).toBe(false);
    expect(second.runId).toBe(first.runId);
    expect((await second.done).outcome).toBe('success');
  });

  it('copies the log into the main file once no run is left, never in the middle of one', async () => {
    const file = join(world.dir, 'cofre.db');
    const item = await world.connect('user-ok');
    const before = statSync(file).size;
    const run = world.engine.sync(item.id, 'connect');
    expect((await run.done).outcome).toBe('success');
    // Every row of this first sync is in the write-ahead log only…
    expect(statSync(file).size).toBe(before);
    // …until the engine has been idle for a moment.
    await expect.poll(() => statSync(file).size, { timeout: 6000, interval: 200 }).toBeGreaterThan(before);
  });

  it('records a login error with no automatic retry, and a bank outage with one', async () => {
    const locked = await world.connect('user-locked');
    const lockedResult = await world.engine.sync(locked.id, 'connect').done;
    expect(lockedResult).toMatchObject({
      outcome: 'failed',
      failure: { code: 'ACCOUNT_LOCKED' },
      nextRetryAt: null,
    });
    const down = await world.connect('user-unavailable');
    const downResult = await world.engine.sync(down.id, 'connect').done;
    expect(downResult).toMatchObject({ outcome: 'failed', failure: { code: 'SITE_NOT_AVAILABLE' } });
    if (downResult.outcome !== 'failed') return;
    expect(Date.parse(downResult.nextRetryAt!) - Date.now()).toBeGreaterThanOrEqual(4.9 * 60_000);
    expect(listRetries(world.db, down.id)).toHaveLength(1);
    expect(listRetries(world.db, locked.id)).toHaveLength(0);
  });
});

describe('cancelling a run', () => {
  it('stops a run waiting on the bank, records it as cancelled, and schedules no retry', async () => {
    const item = await world.connect('user-ok', 3);
    const run = world.engine.sync(item.id, 'connect');
    // Connector 3 asks for an MFA code, so the run waits on the bank until someone answers.
    await new Promise((r) => setTimeout(r, 600));
    expect(world.engine.isSyncing(item.id)).toBe(true);
    await world.engine.cancel(item.id);
    expect(await run.done).toMatchObject({ outcome: 'cancelled' });
    expect(world.engine.isSyncing(item.id)).toBe(false);
    expect(listRetries(world.db, item.id)).toHaveLength(0);
    const outcome = world.db.prepare('SELECT outcome FROM sync_runs WHERE id = ?').pluck().get(run.runId);
    expect(outcome).toBe('cancelled');
  });
});
