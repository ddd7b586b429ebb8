// A row's history against the real sandbox: created, posted, amount changed, each with the run that saw it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit, getSyncRun, rowHistory } from '../../../src/core/store';
import { toCentavos } from '../../../src/shared/money';
import { startSyncWorld, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 60, seed: 'row-history' });
});
afterAll(() => world.close());

async function sync(itemId: string): Promise<number> {
  const run = world.engine.sync(itemId, 'manual');
  expect((await run.done).outcome).toBe('success');
  return run.runId;
}

/** The bank changes one of its rows (the sandbox's admin hook), as a real bank's data would change. */
async function bankChanges(transactionId: string, patch: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${world.sandbox.url}/__sandbox/malform`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ transactionId, patch }),
  });
  expect(res.ok).toBe(true);
}

describe('the history of a row', () => {
  it('shows pending → posted → amount changed, each with its sync run, then the person’s edit', async () => {
    const itemId = (await world.connect('user-ok')).id;
    const first = await sync(itemId);
    const pending = (await world.truth(itemId)).transactions.find((t) => t.status === 'PENDING')!;
    expect(pending).toBeDefined();

    await bankChanges(pending.id, { status: 'POSTED' });
    const second = await sync(itemId);
    const newAmount = Math.round((pending.amount + 10.5) * 100) / 100;
    await bankChanges(pending.id, { amount: newAmount });
    const third = await sync(itemId);
    applyEdit(world.db, pending.id, { category: 'Lazer' }, { actor: 'person' }, new Date().toISOString());

    const history = rowHistory(world.db, pending.id);
    expect(history.map((h) => [h.kind, h.actor, h.runId])).toEqual([
      ['created', 'sync', first],
      ['posted', 'sync', second],
      ['amount_changed', 'sync', third],
      ['edited', 'person', null],
    ]);
    // Each run is known by when it started (the screen names runs by their moment).
    const startedAt = (runId: number) => getSyncRun(world.db, runId)!.startedAt;
    expect(history.map((h) => h.runAt)).toEqual([
      startedAt(first),
      startedAt(second),
      startedAt(third),
      null,
    ]);
    expect(history[1]!.details).toEqual({ field: 'status', from: 'PENDING', to: 'POSTED' });
    expect(history[2]!.details).toEqual({
      field: 'amount',
      from: toCentavos(pending.amount),
      to: toCentavos(newAmount),
    });
    expect(history[3]!.details).toEqual({ field: 'category', from: null, to: 'Lazer' });
    // A sync that changes nothing writes nothing.
    await sync(itemId);
    expect(rowHistory(world.db, pending.id)).toHaveLength(4);
  }, 120_000);
});
