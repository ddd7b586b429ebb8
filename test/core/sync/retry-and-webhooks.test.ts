import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offsetClock, startCoreWorld, type CoreWorld } from '../../helpers/core-world';

const clock = offsetClock();
let world: CoreWorld;
beforeAll(async () => {
  world = await startCoreWorld({ clock, sandbox: { transactionsPerAccount: 60 } });
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

  it('refuses a malformed event without recording it', async () => {
    await expect(world.core.intakeWebhook({ event: 'item/updated' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(world.core.intakeWebhook('not json at all')).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('marks transactions deleted at Pluggy as removed', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    const page = await world.call('transactions.page', { filter: {}, limit: 2 });
    const victim = page.rows[0]!;
    const result = await world.core.intakeWebhook({
      event: 'transactions/deleted',
      eventId: 'evt-del-1',
      itemId,
      accountId: victim.accountId,
      transactionIds: [victim.id],
    });
    expect(result.action).toBe('removed');
    const after = await world.call('transactions.page', {
      filter: { includeRemoved: true, text: undefined },
      limit: 500,
    });
    expect(after.rows.find((r) => r.id === victim.id)?.removedAt).not.toBeNull();
  });
});
