// One row Pluggy sends off the spec never fails its page: the rest is stored, the row reported, the run a success.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSyncRun } from '../../../src/core/store';
import { startSyncWorld, storedIds, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
let itemId = '';
beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 120, pageSize: 40, seed: 'bad-rows' });
});
afterAll(() => world.close());

async function malform(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${world.sandbox.url}/__sandbox/malform`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

function skippedEntries(itemId: string) {
  return (
    world.db
      .prepare(
        `SELECT details FROM audit_log WHERE action = 'open_finance.sync.row_skipped' AND connection_id = ?
         ORDER BY id`,
      )
      .pluck()
      .all(itemId) as string[]
  ).map((d) => JSON.parse(d) as Record<string, unknown>);
}

describe('a page with one malformed row', () => {
  it('stores the rest of the page, records the row and ends the run as a success with a warning', async () => {
    const item = await world.connect('user-ok');
    itemId = item.id;
    // The sandbox creates the accounts on the item's first execution: wait for it, then spoil one row.
    await world.client.getItem(item.id);
    let truth = await world.truth(item.id);
    for (let i = 0; i < 100 && truth.transactions.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      truth = await world.truth(item.id);
    }
    const bad = truth.transactions[50]!;
    await malform({ transactionId: bad.id, patch: { amount: 'doze reais' } });

    const result = await world.engine.sync(item.id, 'connect').done;
    expect(result.outcome).toBe('success');
    const expected = truth.transactions.map((t) => t.id).filter((id) => id !== bad.id);
    expect(storedIds(world.db, item.id)).toEqual(expected.sort());

    const entries = skippedEntries(item.id);
    expect(entries).toEqual([
      expect.objectContaining({
        runId: result.runId,
        kind: 'transaction',
        id: bad.id,
        path: 'amount',
        accountId: bad.accountId,
      }),
    ]);
    const run = getSyncRun(world.db, result.runId);
    expect(run?.outcome).toBe('success');
    expect(run?.counts?.skipped).toBe(1);
  });

  it('never marks a stored row removed because it could not be read this time', async () => {
    const item = itemId;
    const truth = await world.truth(item);
    // The newest posted row is inside every later run's re-read window.
    const recent = truth.transactions
      .filter((t) => t.status !== 'PENDING')
      .reduce((a, b) => (a.date >= b.date ? a : b));
    await malform({ transactionId: recent.id, patch: { date: 'ontem' } });
    const result = await world.engine.sync(item, 'manual').done;
    expect(result.outcome).toBe('success');
    expect(storedIds(world.db, item)).toContain(recent.id);
    expect(skippedEntries(item).at(-1)).toMatchObject({ runId: result.runId, id: recent.id, path: 'date' });
  });

  it('leaves out an account off the spec, reads the others and does not mark it removed', async () => {
    const item = itemId;
    const truth = await world.truth(item);
    const [spoiled, ...others] = truth.accounts;
    await malform({ accountId: spoiled!.id, patch: { balance: 'muito' } });
    const result = await world.engine.sync(item, 'manual').done;
    expect(result.outcome).toBe('success');
    const run = getSyncRun(world.db, result.runId);
    expect(run?.counts).toMatchObject({ skippedAccounts: 1, accounts: others.length });
    expect(skippedEntries(item).at(-1)).toMatchObject({
      runId: result.runId,
      kind: 'account',
      id: spoiled!.id,
      path: 'balance',
    });
    const removed = world.db.prepare('SELECT removed_at FROM accounts WHERE id = ?').pluck().get(spoiled!.id);
    expect(removed).toBeNull();
  });
});
