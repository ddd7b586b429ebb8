// Fault soak: seeded runs of connect + re-syncs through 5xx, resets, timeouts, 429 bursts and apiKey expiry
// while the bank's data keeps changing; after each run the DB equals the ground truth and the audit verifies.
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit';
import { compareWithTruth, fetchTruth } from './convergence';
import { writeFigures } from './figures';
import { SETTINGS } from './settings';
import { SOAK_FAULTS, startSoakWorld } from './soak-world';

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
          outcomes.push((await world.engine.sync(item.id, 'manual').done).outcome);
        }
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
        expect(report, `run ${run}`).toMatchObject({ missing: 0, extra: 0, stale: 0, accountsMissing: 0 });
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
        totals.auditEntriesVerified += chain.entries;
        totals.virtualHoursSkipped += world.clock.skippedMs / 3_600_000;
      } finally {
        await world.close();
      }
    },
    120_000,
  );
});
