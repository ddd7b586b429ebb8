// The sync engine: one run per item at a time, every run recorded, failures handed to the retry policy.
import type { SyncProgress, SyncReason } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { getConnection, startSyncRun, finishSyncRun } from '../store';
import { classifyFailure, type Failure } from './classify-failure';
import { applyFailurePolicy } from './failure-policy';
import { nowIso, type RunContext, type SyncDeps } from './run-context';
import { executeRun, type RunTotals } from './sync-run';

export type RunResult =
  | { runId: number; outcome: 'success'; totals: RunTotals }
  | { runId: number; outcome: 'failed'; failure: Failure; nextRetryAt: string | null };

export interface RunHandle {
  runId: number;
  /** False when this trigger joined a run already in progress. */
  started: boolean;
  /** Never rejects: a failed run resolves with its failure. */
  done: Promise<RunResult>;
}

export interface SyncEngine {
  sync(itemId: string, reason: SyncReason): RunHandle;
  isSyncing(itemId: string): boolean;
  /** A hint (relay event) that the item changed: a run waiting on the bank polls now. */
  wake(itemId: string): void;
  /** Waits for every run in progress (graceful quit). */
  drain(): Promise<void>;
}

export function createSyncEngine(deps: SyncDeps): SyncEngine {
  const running = new Map<string, { runId: number; done: Promise<RunResult> }>();
  const wakers = new Map<string, () => void>();

  function wakeSignal(itemId: string): () => Promise<void> {
    return () =>
      new Promise<void>((resolve) => {
        wakers.set(itemId, resolve);
      });
  }

  async function run(itemId: string, reason: SyncReason, runId: number): Promise<RunResult> {
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
    const ctx: RunContext = {
      ...deps,
      itemId,
      runId,
      reason,
      startedAt,
      progress(update) {
        last = { ...last, ...update, at: nowIso(deps.clock) };
        deps.events.emit('sync.progress', last);
      },
    };
    try {
      const totals = await executeRun(ctx, wakeSignal(itemId));
      finishSyncRun(deps.db, runId, { outcome: 'success', counts: totals, at: nowIso(deps.clock) });
      ctx.progress({ phase: 'done' });
      return { runId, outcome: 'success', totals };
    } catch (error) {
      const failure = classifyFailure(error);
      deps.logger.warn({ itemId, runId, reason, code: failure.code }, 'sync failed');
      const { nextRetryAt } = applyFailurePolicy(ctx, failure, bank);
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
    sync(itemId, reason) {
      const current = running.get(itemId);
      if (current) return { ...current, started: false };
      if (!getConnection(deps.db, itemId)) {
        throw new AppError('not_found', 'There is no connection with this item id.', { details: { itemId } });
      }
      const runId = startSyncRun(deps.db, itemId, reason, nowIso(deps.clock));
      const done = run(itemId, reason, runId).finally(() => running.delete(itemId));
      running.set(itemId, { runId, done });
      return { runId, started: true, done };
    },
    isSyncing: (itemId) => running.has(itemId),
    wake(itemId) {
      wakers.get(itemId)?.();
    },
    async drain() {
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}
