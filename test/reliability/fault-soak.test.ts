// Fault soak: seeded runs of connect + re-syncs through 5xx, resets, timeouts, 429 bursts and apiKey expiry
// while the bank's data keeps changing; after each run the DB equals the ground truth and the audit verifies.
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit';
import { compareWithTruth, fetchTruth } from './convergence';
import { writeFigures } from './figures';
import { SETTINGS } from './settings';
import { SOAK_FAULTS, startSoakWorld, type SoakWorld } from './soak-world';

const totals = {
  runs: 0,
  syncs: 0,
  syncsFailed: 0,
  retries5xx: 0,
  retriesNetwork: 0,
  retries429: 0,
  apiKeyRefreshes: 0,
  faultsInjected: 0,
  rowsChecked: 0,
  rowsLost: 0,
  duplicates: 0,
  staleRows: 0,
  removedMarked: 0,
  liveRowsMarkedRemoved: 0,
  accountsFailedMidRun: 0,
  manualClicksDuringWebhookRuns: 0,
  clockStepsBack: 0,
  webhooksRedelivered: 0,
  auditEntriesVerified: 0,
  virtualHoursSkipped: 0,
};

afterAll(() => {
  totals.virtualHoursSkipped = Math.round(totals.virtualHoursSkipped * 10) / 10;
  writeFigures('faultSoak', totals);
});

const seeds = Array.from({ length: SETTINGS.soakRuns }, (_, i) => [i] as const);

describe('fault soak', () => {
  it.each(seeds)(
    'run %i converges to the ground truth with a verified audit chain',
    async (run) => {
      const world = await startSoakWorld({
        seed: `soak-${run}`,
        transactionsPerAccount: SETTINGS.soakTransactions,
        faults: SOAK_FAULTS,
      });
      try {
        const item = await world.connect('user-ok');
        const outcomes: string[] = [];
        outcomes.push((await world.engine.sync(item.id, 'connect').done).outcome);
        for (let r = 0; r < SETTINGS.soakResyncs; r++) {
          await world.advance(item.id);
          // Each soak run meets the failures in its own order, so the fast mode sees every one of them.
          const scenario = (run + r) % 4;
          if (scenario === 0) {
            // One account's link drops after its first page while the others are being read.
            world.failAccountOnce(accountIds(world, item.id)[run % 2]!);
            totals.accountsFailedMidRun++;
          } else if (scenario === 1) {
            // A click while a webhook's run (no bank refresh) is going: a refreshing run follows it.
            const background = world.engine.sync(item.id, 'webhook');
            const click = world.engine.sync(item.id, 'manual');
            outcomes.push((await background.done).outcome);
            outcomes.push((await click.done).outcome);
            totals.manualClicksDuringWebhookRuns++;
            continue;
          } else if (scenario === 2) {
            // The PC's clock goes back two hours (it had run fast); the bank's does not.
            world.stepCoreClock(-2 * 3_600_000);
            totals.clockStepsBack++;
          }
          outcomes.push((await world.engine.sync(item.id, 'manual').done).outcome);
        }
        totals.webhooksRedelivered += await redeliverFailedWebhook(world, item.id, run);
        // Runs that ran out of retries leave the data behind, never wrong: a poll (no bank refresh, so the
        // truth holds still) catches up, as the scheduler's retry would.
        let settled = false;
        for (let attempt = 0; attempt < 10 && !settled; attempt++) {
          const result = await world.engine.sync(item.id, 'poll').done;
          outcomes.push(result.outcome);
          settled = result.outcome === 'success';
        }
        expect(settled, `run ${run}: ${outcomes.join(',')}`).toBe(true);

        const truth = await fetchTruth(world.sandbox.url, item.id);
        const report = compareWithTruth(world.db, item.id, truth);
        expect(report, `run ${run}`).toMatchObject({
          missing: 0,
          extra: 0,
          stale: 0,
          liveMarkedRemoved: 0,
          accountsMissing: 0,
        });
        const chain = verifyAuditChain(world.db);
        expect(chain.ok).toBe(true);

        const byReason = (reason: string) => world.retries.filter((e) => e.reason === reason).length;
        const failed = outcomes.filter((o) => o !== 'success').length;
        totals.runs++;
        totals.syncs += outcomes.length;
        totals.syncsFailed += failed;
        totals.retries5xx += byReason('status');
        totals.retriesNetwork += byReason('network');
        totals.retries429 += byReason('rate_limit');
        totals.apiKeyRefreshes += Math.max(0, world.client.authCalls - 1);
        totals.faultsInjected += world.retries.length + failed + Math.max(0, world.client.authCalls - 1);
        totals.rowsChecked += report.truthRows;
        totals.rowsLost += report.missing;
        totals.duplicates += report.extra;
        totals.staleRows += report.stale;
        totals.removedMarked += report.removedMarked;
        totals.liveRowsMarkedRemoved += report.liveMarkedRemoved;
        totals.auditEntriesVerified += chain.entries;
        totals.virtualHoursSkipped += world.clock.skippedMs / 3_600_000;
      } finally {
        await world.close();
      }
    },
    120_000,
  );
});

function accountIds(world: SoakWorld, itemId: string): string[] {
  return world.db
    .prepare('SELECT id FROM accounts WHERE connection_id = ? AND removed_at IS NULL ORDER BY id')
    .pluck()
    .all(itemId) as string[];
}

/**
 * A `transactions/updated` whose first handling meets a network blip: the relay delivers it again until
 * it is handled, and a delivery after that is a duplicate. Returns the redeliveries it took.
 */
async function redeliverFailedWebhook(world: SoakWorld, itemId: string, run: number): Promise<number> {
  const accountId = accountIds(world, itemId)[0]!;
  const ids = world.db
    .prepare('SELECT id FROM transactions WHERE account_id = ? AND removed_at IS NULL ORDER BY id LIMIT 5')
    .pluck()
    .all(accountId) as string[];
  const event = {
    event: 'transactions/updated',
    eventId: `evt-soak-${run}`,
    itemId,
    accountId,
    transactionIds: ids,
  };
  world.failIntakeOnce();
  await expect(world.intake(event)).rejects.toThrow();
  let redeliveries = 0;
  for (let handled = false; !handled && redeliveries < 10;) {
    redeliveries++;
    handled = await world.intake(event).then(
      (result) => !result.duplicate,
      () => false,
    );
  }
  expect((await world.intake(event)).duplicate).toBe(true);
  return redeliveries;
}
