// The sync engine: one run per item at a time, every run recorded, failures handed to the retry policy.
import { setMaxListeners } from 'node:events';
import type { SyncProgress, SyncReason } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import {
  checkpointWal,
  finishSyncRun,
  getConnection,
  setSyncRunReason,
  startSyncRun,
  takeSeenMark,
} from '../store';
import { classifyFailure, type Failure } from './classify-failure';
import { applyFailurePolicy } from './failure-policy';
import { sharedPageDecoder } from './page-decoder/page-decoder';
import { createPageCommitter } from './read-account';
import { createRunLeases, OTHER_PROCESS_STATUS } from './run-leases';
import { nowIso, type RunContext, type SyncDeps } from './run-context';
import { executeRun, refreshesAtBank, type RunTotals } from './sync-run';
import { checkConnectorHealth } from '../bank-health/connector-health';

export type RunResult =
  | { runId: number; outcome: 'success'; totals: RunTotals }
  | { runId: number; outcome: 'cancelled' }
  | { runId: number; outcome: 'failed'; failure: Failure; nextRetryAt: string | null };

export interface RunHandle {
  runId: number;
  /** False when this trigger joined a run already in progress. */
  started: boolean;
  /** Never rejects: a failed run resolves with its failure. */
  done: Promise<RunResult>;
}

export interface SyncOptions {
  /** Sent with this run's refresh (a new MFA code the bank asked for); a joined run ignores them. */
  parameters?: Record<string, string>;
}

export interface SyncEngine {
  /**
   * Starts a run, or joins the one in progress. A reason that refreshes at the bank (a click) meeting a run
   * that does not (webhook, poll, startup) gets a run of its own right after it, which later clicks join.
   */
  sync(itemId: string, reason: SyncReason, options?: SyncOptions): RunHandle;
  /**
   * Pluggy says the item changed (a webhook): a run still waiting on the bank polls now and reads after;
   * a run already reading may have passed the change, so a follow-up read is chained to it; else one starts.
   */
  hint(itemId: string, reason: SyncReason): RunHandle;
  isSyncing(itemId: string): boolean;
  /** A hint (relay event) that the item changed: a run waiting on the bank polls now. */
  wake(itemId: string): void;
  /** Stops the item's run, if any, at its next step; resolves when it has stopped. */
  cancel(itemId: string): Promise<void>;
  /** Refuses new runs and waits for every run in progress (graceful quit). */
  drain(): Promise<void>;
}

/**
 * Listeners a run's abort signal may hold at once: up to 4 accounts × 4 date ranges read concurrently,
 * each with a request, a rate-limiter wait and a retry pause listening. Node warns of a leak past 10.
 */
const RUN_SIGNAL_LISTENERS = 64;

interface Running {
  runId: number;
  reason: SyncReason;
  done: Promise<RunResult>;
  abort: AbortController;
  /** Past waiting on the bank: a change Pluggy reports now may fall behind what this run reads. */
  reading: boolean;
  /** Still waiting for another process's run of the item to end (nothing read or written yet). */
  waitingTurn: boolean;
}

interface Queued {
  runId: number;
  reason: SyncReason;
  options: SyncOptions;
  done: Promise<RunResult>;
}

const WAITING_PHASES = new Set(['refreshing', 'waiting']);

/** How long the engine must stay idle before it checkpoints: long enough for a chained follow-up run to start. */
const IDLE_CHECKPOINT_MS = 2000;
/** After a failed run the bank's health is asked again unless Cofre heard of it this recently. */
const BANK_CHECK_AFTER_FAILURE_MS = 5 * 60_000;

export function createSyncEngine(deps: SyncDeps): SyncEngine {
  const decodePage = deps.decodePage ?? sharedPageDecoder(deps.logger).decode;
  const bankCheck = { db: deps.db, api: deps.api, logger: deps.logger, now: () => deps.clock.now() };
  const running = new Map<string, Running>();
  /** The run chained to follow an item's current one (at most one; later triggers join it). */
  const queued = new Map<string, Queued>();
  const wakers = new Map<string, () => void>();
  let closing = false;
  let idleCheckpoint: NodeJS.Timeout | undefined;
  // Declared dead by another process (heartbeat lapsed): that process may sync these items now, so stop.
  const leases = createRunLeases(deps, deps.leaseTiming ?? {}, () => {
    for (const [itemId, r] of running) {
      r.abort.abort();
      wakers.get(itemId)?.();
    }
  });

  /** This process's runs keep its owner alive; with none left, it leaves the lease table. */
  function leaveWhenIdle(): void {
    if (running.size > 0 || queued.size > 0) return;
    try {
      leases.idle();
    } catch (err) {
      // Harmless: the row expires by itself with its heartbeat.
      deps.logger.warn({ err }, 'could not retire the sync lease owner');
    }
  }

  /** Once no run is left, fold the log the runs wrote into the main file (a PASSIVE checkpoint). */
  function checkpointWhenIdle(): void {
    clearTimeout(idleCheckpoint);
    if (running.size > 0 || closing) return;
    idleCheckpoint = setTimeout(() => {
      if (running.size > 0 || closing) return;
      try {
        checkpointWal(deps.db);
      } catch (err) {
        // Not fatal: the auto-checkpoint (or the next idle moment) copies the log instead.
        deps.logger.warn({ err }, 'idle WAL checkpoint failed');
      }
    }, IDLE_CHECKPOINT_MS);
    idleCheckpoint.unref();
  }

  function wakeSignal(itemId: string): () => Promise<void> {
    return () =>
      new Promise<void>((resolve) => {
        wakers.set(itemId, resolve);
      });
  }

  async function run(
    itemId: string,
    reason: SyncReason,
    runId: number,
    abort: AbortController,
    options: SyncOptions,
  ): Promise<RunResult> {
    const bank = getConnection(deps.db, itemId)?.connectorName ?? itemId;
    let last: SyncProgress = {
      itemId,
      runId,
      reason,
      phase: 'refreshing',
      itemStatus: null,
      accountId: null,
      accountName: null,
      accountsDone: 0,
      accountsTotal: 0,
      pages: 0,
      rows: 0,
      at: nowIso(deps.clock),
    };
    const current = running.get(itemId);
    const progress = (update: Partial<SyncProgress>): void => {
      last = { ...last, ...update, at: nowIso(deps.clock) };
      if (current && !WAITING_PHASES.has(last.phase)) current.reading = true;
      deps.events.emit('sync.progress', last);
    };
    const contextFrom = (startedAt: string, seenMark: number): RunContext => ({
      ...deps,
      itemId,
      runId,
      reason,
      startedAt,
      seenMark,
      signal: abort.signal,
      progress,
      pages: createPageCommitter({ db: deps.db, itemId, runId, startedAt, seenMark }),
      decodePage,
      ...(options.parameters ? { refreshParameters: options.parameters } : {}),
    });
    // Made again once the lease is ours; the failure policy needs one even when the wait itself fails.
    let ctx = contextFrom(nowIso(deps.clock), 0);
    let leased = false;
    try {
      // Another process (the CLI from cron, the app) may be syncing this item: wait our turn, bounded.
      await leases.acquire(itemId, runId, abort.signal, () =>
        progress({ phase: 'waiting', itemStatus: OTHER_PROCESS_STATUS }),
      );
      leased = true;
      if (current) current.waitingTurn = false;
      // The other process is done: its status must not stick to this run's next steps.
      last = { ...last, itemStatus: null };
      // Taken with the lease, so runs of one item see marks and times in the order they really ran.
      ctx = contextFrom(nowIso(deps.clock), takeSeenMark(deps.db));
      const totals = await executeRun(ctx, wakeSignal(itemId));
      finishSyncRun(deps.db, runId, { outcome: 'success', counts: totals, at: nowIso(deps.clock) });
      ctx.progress({ phase: 'done' });
      return { runId, outcome: 'success', totals };
    } catch (error) {
      if (abort.signal.aborted) {
        // Cancelled on purpose (the connection is going away): not a failure, nothing to retry.
        finishSyncRun(deps.db, runId, { outcome: 'cancelled', at: nowIso(deps.clock) });
        return { runId, outcome: 'cancelled' };
      }
      const failure = classifyFailure(error);
      deps.logger.warn({ itemId, runId, reason, code: failure.code }, 'sync failed');
      let nextRetryAt: string | null = null;
      try {
        nextRetryAt = applyFailurePolicy(ctx, failure, bank).nextRetryAt;
      } catch (policyError) {
        // E.g. the connection was deleted meanwhile: the run still ends, as failed, without a retry.
        deps.logger.error({ itemId, runId, err: policyError }, 'could not record the failed run');
      }
      finishSyncRun(deps.db, runId, {
        outcome: 'failed',
        errorCode: failure.code,
        errorMessage: failure.message,
        at: nowIso(deps.clock),
      });
      // Whether the bank itself is unwell says who the failure belongs to (the card shows it).
      const connectorId = getConnection(deps.db, itemId)?.connectorId;
      if (connectorId !== undefined)
        await checkConnectorHealth(bankCheck, connectorId, BANK_CHECK_AFTER_FAILURE_MS);
      ctx.progress({ phase: 'failed' });
      return { runId, outcome: 'failed', failure, nextRetryAt };
    } finally {
      if (leased) releaseLeaseOf(itemId);
      wakers.delete(itemId);
      deps.events.emit('connections.changed', { itemId, at: nowIso(deps.clock) });
    }
  }

  function releaseLeaseOf(itemId: string): void {
    try {
      leases.release(itemId);
    } catch (err) {
      // The lease dies with this process's heartbeat instead; another process waits until then.
      deps.logger.warn({ itemId, err }, 'could not release the sync lease');
    }
  }

  function refuseWhenClosing(): void {
    if (closing) throw new AppError('unavailable', 'Cofre is closing; the sync will run at the next start.');
  }

  function requireConnection(itemId: string): void {
    const connection = getConnection(deps.db, itemId);
    if (!connection) {
      throw new AppError('not_found', 'There is no connection with this item id.', { details: { itemId } });
    }
    if (connection.archivedAt !== null) {
      throw new AppError('conflict', 'This connection was removed and is kept only as an archive.', {
        details: { itemId },
      });
    }
  }

  function begin(itemId: string, reason: SyncReason, options: SyncOptions, reserved?: number): RunHandle {
    if (reserved === undefined) leases.hold();
    const runId = reserved ?? startSyncRun(deps.db, itemId, reason, nowIso(deps.clock), leases.owner);
    const abort = new AbortController();
    setMaxListeners(RUN_SIGNAL_LISTENERS, abort.signal);
    const entry: Running = {
      runId,
      reason,
      abort,
      reading: false,
      waitingTurn: true,
      done: Promise.resolve(null as never),
    };
    running.set(itemId, entry);
    entry.done = run(itemId, reason, runId, abort, options).finally(() => {
      running.delete(itemId);
      leaveWhenIdle();
      checkpointWhenIdle();
    });
    return { runId, started: true, done: entry.done };
  }

  /** A run after the item's current one; one at a time, a refreshing reason upgrades a queued one. */
  function after(itemId: string, reason: SyncReason, options: SyncOptions): RunHandle {
    const existing = queued.get(itemId);
    if (existing) {
      if (refreshesAtBank(reason) && !refreshesAtBank(existing.reason)) {
        existing.reason = reason;
        setSyncRunReason(deps.db, existing.runId, reason);
      }
      return { runId: existing.runId, started: false, done: existing.done };
    }
    requireConnection(itemId);
    // Reserved now so the caller can follow it by id (the CLI waits for its progress events).
    leases.hold();
    const runId = startSyncRun(deps.db, itemId, reason, nowIso(deps.clock), leases.owner);
    const entry: Queued = { runId, reason, options, done: Promise.resolve(null as never) };
    const startWhenFree = async (): Promise<RunResult> => {
      for (let current = running.get(itemId); current; current = running.get(itemId)) await current.done;
      queued.delete(itemId);
      const connection = getConnection(deps.db, itemId);
      if (closing || !connection || connection.archivedAt !== null) {
        finishSyncRun(deps.db, runId, { outcome: 'cancelled', at: nowIso(deps.clock) });
        leaveWhenIdle();
        return { runId, outcome: 'cancelled' };
      }
      return begin(itemId, entry.reason, entry.options, runId).done;
    };
    entry.done = startWhenFree();
    queued.set(itemId, entry);
    return { runId, started: true, done: entry.done };
  }

  return {
    sync(itemId, reason, options = {}) {
      refuseWhenClosing();
      const current = running.get(itemId);
      if (current) {
        if (refreshesAtBank(reason) && !refreshesAtBank(current.reason))
          return after(itemId, reason, options);
        return { runId: current.runId, done: current.done, started: false };
      }
      requireConnection(itemId);
      return begin(itemId, reason, options);
    },
    hint(itemId, reason) {
      refuseWhenClosing();
      const current = running.get(itemId);
      if (!current) {
        requireConnection(itemId);
        return begin(itemId, reason, {});
      }
      if (!current.reading) {
        wakers.get(itemId)?.();
        return { runId: current.runId, done: current.done, started: false };
      }
      return after(itemId, reason, {});
    },
    isSyncing: (itemId) => running.has(itemId) || leases.syncingElsewhere(itemId),
    wake(itemId) {
      wakers.get(itemId)?.();
    },
    async cancel(itemId) {
      const current = running.get(itemId);
      if (!current) return;
      current.abort.abort();
      wakers.get(itemId)?.();
      await current.done;
    },
    async drain() {
      // No new run from here on (a follow-up chained to a finishing run included), then wait for the rest.
      closing = true;
      clearTimeout(idleCheckpoint);
      // A run still waiting for another process's turn has done nothing yet: quitting must not wait for it.
      for (const r of running.values()) if (r.waitingTurn) r.abort.abort();
      while (running.size > 0 || queued.size > 0) {
        await Promise.all([...running.values(), ...queued.values()].map((r) => r.done));
      }
    },
  };
}
