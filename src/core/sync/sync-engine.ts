// The sync engine: one run per item at a time, every run recorded, failures handed to the retry policy.
import { setMaxListeners } from 'node:events';
import type { SyncProgress, SyncReason } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { checkpointWal, getConnection, startSyncRun, finishSyncRun, takeSeenMark } from '../store';
import { classifyFailure, type Failure } from './classify-failure';
import { applyFailurePolicy } from './failure-policy';
import { sharedPageDecoder } from './page-decoder/page-decoder';
import { createPageCommitter } from './read-account';
import { nowIso, type RunContext, type SyncDeps } from './run-context';
import { executeRun, type RunTotals } from './sync-run';

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
  sync(itemId: string, reason: SyncReason, options?: SyncOptions): RunHandle;
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

/** How long the engine must stay idle before it checkpoints: long enough for a chained follow-up run to start. */
const IDLE_CHECKPOINT_MS = 2000;

export function createSyncEngine(deps: SyncDeps): SyncEngine {
  const decodePage = deps.decodePage ?? sharedPageDecoder(deps.logger).decode;
  const running = new Map<string, { runId: number; done: Promise<RunResult>; abort: AbortController }>();
  const wakers = new Map<string, () => void>();
  let closing = false;
  let idleCheckpoint: NodeJS.Timeout | undefined;

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
    const startedAt = nowIso(deps.clock);
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
      at: startedAt,
    };
    const seenMark = takeSeenMark(deps.db);
    const ctx: RunContext = {
      ...deps,
      itemId,
      runId,
      reason,
      startedAt,
      seenMark,
      signal: abort.signal,
      progress(update) {
        last = { ...last, ...update, at: nowIso(deps.clock) };
        deps.events.emit('sync.progress', last);
      },
      pages: createPageCommitter({ db: deps.db, itemId, runId, startedAt, seenMark }),
      decodePage,
      ...(options.parameters ? { refreshParameters: options.parameters } : {}),
    };
    try {
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
      ctx.progress({ phase: 'failed' });
      return { runId, outcome: 'failed', failure, nextRetryAt };
    } finally {
      wakers.delete(itemId);
      deps.events.emit('connections.changed', { itemId, at: nowIso(deps.clock) });
    }
  }

  return {
    sync(itemId, reason, options = {}) {
      if (closing)
        throw new AppError('unavailable', 'Cofre is closing; the sync will run at the next start.');
      const current = running.get(itemId);
      if (current) return { runId: current.runId, done: current.done, started: false };
      if (!getConnection(deps.db, itemId)) {
        throw new AppError('not_found', 'There is no connection with this item id.', { details: { itemId } });
      }
      const runId = startSyncRun(deps.db, itemId, reason, nowIso(deps.clock));
      const abort = new AbortController();
      setMaxListeners(RUN_SIGNAL_LISTENERS, abort.signal);
      const done = run(itemId, reason, runId, abort, options).finally(() => {
        running.delete(itemId);
        checkpointWhenIdle();
      });
      running.set(itemId, { runId, done, abort });
      return { runId, started: true, done };
    },
    isSyncing: (itemId) => running.has(itemId),
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
      while (running.size > 0) await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}
