import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offsetClock, startCoreWorld, type CoreWorld } from '../../helpers/core-world';

const clock = offsetClock();
let world: CoreWorld;
beforeAll(async () => {
  world = await startCoreWorld({ clock, sandbox: { transactionsPerAccount: 300 } });
});
afterAll(() => world.close());

const runsOf = async (itemId: string) => world.call('sync.runs', { itemId, limit: 50 });

describe('the retry queue', () => {
  it('survives a core restart and fires when due, not before', async () => {
    const itemId = await world.connect('user-unavailable');
    const view = await world.settle(itemId);
    expect(view.action).toBe('wait_retry');
    const due = Date.parse(view.nextRetryAt!);
    expect(due - clock.now()).toBeGreaterThanOrEqual(5 * 60_000);

    await world.restartCore(clock);
    await world.core.scheduler!.tick();
    expect((await runsOf(itemId)).filter((r) => r.reason === 'retry')).toHaveLength(0);

    clock.advance(due - clock.now() - 30_000);
    await world.core.scheduler!.tick();
    expect((await runsOf(itemId)).filter((r) => r.reason === 'retry')).toHaveLength(0);

    clock.advance(60_000);
    await world.core.scheduler!.tick();
    await world.settle(itemId);
    const retries = (await runsOf(itemId)).filter((r) => r.reason === 'retry');
    expect(retries).toHaveLength(1);
    // Still down at the bank: the retry failed and the next one is scheduled further out.
    const after = await world.settle(itemId);
    expect(Date.parse(after.nextRetryAt!)).toBeGreaterThan(due);
    expect(after.consecutiveFailures).toBe(2);
  });
});

describe('a partial result from the bank', () => {
  it('has a visible retry scheduled until the attempts run out, then says so and offers the manual sync', async () => {
    const itemId = await world.connect('user-ok-account-error');
    let view = await world.settle(itemId);
    expect(view).toMatchObject({ messageKey: 'status.PARTIAL_SUCCESS', action: 'wait_retry' });
    const retried: string[] = [];
    for (let attempt = 0; view.nextRetryAt !== null && attempt < 5; attempt++) {
      retried.push(view.nextRetryAt);
      clock.advance(Date.parse(view.nextRetryAt) - clock.now() + 1_000);
      await world.core.scheduler!.tick();
      await world.settle(itemId);
      view = await world.settle(itemId);
    }
    expect(retried.length).toBe(3);
    expect((await runsOf(itemId)).filter((r) => r.reason === 'retry')).toHaveLength(3);
    expect(view).toMatchObject({
      nextRetryAt: null,
      messageKey: 'status.RETRIES_EXHAUSTED',
      action: 'try_again',
    });
  });
});

describe('webhook intake', () => {
  it('turns duplicate deliveries of one eventId into a single sync', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    const event = {
      event: 'item/updated',
      eventId: 'evt-dup-1',
      itemId,
      triggeredBy: 'SYNC',
      clientUserId: null,
    };
    const first = await world.core.intakeWebhook(event);
    const second = await world.core.intakeWebhook(event);
    const third = await world.core.intakeWebhook({ ...event });
    expect(first).toMatchObject({ duplicate: false, action: 'sync' });
    expect(second.duplicate).toBe(true);
    expect(third.duplicate).toBe(true);
    await world.settle(itemId);
    expect((await runsOf(itemId)).filter((r) => r.reason === 'webhook')).toHaveLength(1);
  });

  it('follows an item/updated that arrives while a run is already reading with a read of its own', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    const run = await world.call('connections.sync', { itemId });
    await new Promise<void>((resolve) => {
      const off = world.core.events.on('sync.progress', (p) => {
        if (p.runId === run.runId && p.phase === 'transactions') {
          off();
          resolve();
        }
      });
    });
    const event = { event: 'item/updated', eventId: 'evt-during-read', itemId, triggeredBy: 'SYNC' };
    expect((await world.core.intakeWebhook(event)).action).toBe('sync');
    await world.settle(itemId);
    await world.settle(itemId);
    const runs = await runsOf(itemId);
    expect(runs[0]).toMatchObject({ reason: 'webhook', outcome: 'success' });
    expect(runs[1]).toMatchObject({ id: run.runId, reason: 'manual', outcome: 'success' });
  });

  it('refuses a malformed event without recording it', async () => {
    await expect(world.core.intakeWebhook({ event: 'item/updated' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(world.core.intakeWebhook('not json at all')).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('marks transactions deleted at Pluggy as removed, and ignores a forged delete of one it still lists', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    const accounts = (await world.call('accounts.list', {})).filter((a) => a.connectionId === itemId);
    const stored = { rows: (await allRows()).rows.filter((r) => accounts.some((a) => a.id === r.accountId)) };
    // The bank changes (a pending card purchase is re-created under a new id), before Cofre syncs.
    await fetch(`${world.sandbox.url}/__sandbox/advance?itemId=${itemId}`, { method: 'POST' });
    const patched = await fetch(`${world.sandbox.url}/items/${itemId}`, {
      method: 'PATCH',
      headers: await apiKeyHeaders(),
      body: '{}',
    });
    expect(patched.status).toBe(200);
    const { alive, deleted } = await waitForDeletion(itemId, stored.rows);
    const kept = stored.rows.find((r) => alive.has(r.id) && r.accountId === deleted.accountId)!;

    const forged = await world.core.intakeWebhook({
      event: 'transactions/deleted',
      eventId: 'evt-del-forged',
      itemId,
      accountId: kept.accountId,
      transactionIds: [kept.id],
    });
    expect(forged.action).toBe('ignored');
    const real = await world.core.intakeWebhook({
      event: 'transactions/deleted',
      eventId: 'evt-del-1',
      itemId,
      accountId: deleted.accountId,
      transactionIds: [deleted.id],
    });
    expect(real.action).toBe('removed');
    const after = await allRows({ includeRemoved: true });
    expect(after.rows.find((r) => r.id === deleted.id)?.removedAt).not.toBeNull();
    expect(after.rows.find((r) => r.id === kept.id)?.removedAt).toBeNull();
  });
});

async function apiKeyHeaders(): Promise<Record<string, string>> {
  const res = await fetch(`${world.sandbox.url}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: world.sandbox.clientId, clientSecret: world.sandbox.clientSecret }),
  });
  const { apiKey } = (await res.json()) as { apiKey: string };
  return { 'x-api-key': apiKey, 'content-type': 'application/json' };
}

/** Waits until Pluggy's execution re-created a row we hold; returns what it still lists and the gone row. */
async function waitForDeletion<T extends { id: string }>(
  itemId: string,
  rows: T[],
): Promise<{ alive: Set<string>; deleted: T }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const url = `${world.sandbox.url}/__sandbox/truth?itemId=${itemId}`;
    const truth = (await (await fetch(url)).json()) as { transactions: { id: string }[] };
    const alive = new Set(truth.transactions.map((t) => t.id));
    const deleted = rows.find((r) => !alive.has(r.id));
    if (deleted) return { alive, deleted };
    if (Date.now() > deadline) throw new Error('the sandbox never re-created a transaction');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function allRows(filter: { includeRemoved?: boolean } = {}) {
  const rows: Awaited<ReturnType<typeof world.call<'transactions.page'>>>['rows'] = [];
  let after: string | undefined;
  do {
    const page = await world.call('transactions.page', {
      filter,
      limit: 500,
      ...(after ? { after } : {}),
    });
    rows.push(...page.rows);
    after = page.next ?? undefined;
  } while (after);
  return { rows };
}
