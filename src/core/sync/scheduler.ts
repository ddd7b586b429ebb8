// The polling fallback and the retry queue: cheap GET /items checks, a real read only when Pluggy moved.
import type { SyncReason } from '../../shared/contract';
import type { Item } from '../../shared/pluggy';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import { dueRetries, getConnection, listConnections, removeRetry, upsertConnection } from '../store';
import type { Db } from '../store/db';
import type { SyncApi } from './sync-api';
import type { SyncEngine } from './sync-engine';

export interface SchedulerDeps {
  db: Db;
  api: Pick<SyncApi, 'getItem'>;
  engine: SyncEngine;
  clock: Clock;
  logger: Logger;
  /** Between polls of every connection (default 1 h; Pluggy syncs items by itself once a day). */
  pollIntervalMs: () => number;
  /** After each check of every connection (health notices). */
  afterCheck?: () => void;
}

export interface Scheduler {
  /** Does whatever is due now (retries, a poll); the timer calls it, tests call it after moving the clock. */
  tick(): Promise<void>;
  /** At startup: check every connection (runs a dead process left were ended when the DB opened). */
  start(timerMs?: number): Promise<void>;
  /** After the machine woke up: check every connection now. */
  resume(): Promise<void>;
  stop(): void;
  lastPollAt(): number | null;
}

/** Pluggy moved when its last successful sync or the item's state differs from what we stored. */
export function itemMoved(
  stored: { lastUpdatedAt: string | null; status: string; executionStatus: string },
  item: Item,
): boolean {
  return (
    (item.lastUpdatedAt ?? null) !== stored.lastUpdatedAt ||
    item.status !== stored.status ||
    item.executionStatus !== stored.executionStatus
  );
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let polledAt: number | null = null;
  let ticking: Promise<void> | null = null;

  async function check(reason: SyncReason): Promise<void> {
    polledAt = deps.clock.now();
    for (const connection of listConnections(deps.db)) {
      if (deps.engine.isSyncing(connection.id)) continue;
      try {
        const item = await deps.api.getItem(connection.id);
        const stored = getConnection(deps.db, connection.id);
        if (!stored) continue;
        // The previous run may have died before reading (crash, quit): a startup/resume check reads anyway.
        const moved = itemMoved(stored, item);
        upsertConnection(deps.db, item, new Date(deps.clock.now()).toISOString());
        if ((moved && !['UPDATING', 'MERGING'].includes(item.status)) || reason !== 'poll') {
          deps.engine.sync(connection.id, reason);
        }
      } catch (error) {
        // One unreachable item must not stop the others; the next check tries again.
        deps.logger.warn({ itemId: connection.id, err: error }, 'status check failed');
      }
    }
    deps.afterCheck?.();
  }

  async function runDue(): Promise<void> {
    for (const retry of dueRetries(deps.db, new Date(deps.clock.now()).toISOString())) {
      if (getConnection(deps.db, retry.connectionId)?.archivedAt) {
        // Left over from before it was archived: an archive is never synced, so the retry can only go.
        removeRetry(deps.db, retry.id);
        continue;
      }
      if (!deps.engine.isSyncing(retry.connectionId)) deps.engine.sync(retry.connectionId, 'retry');
    }
    if (polledAt === null || deps.clock.now() - polledAt >= deps.pollIntervalMs()) await check('poll');
  }

  return {
    tick() {
      // Ticks never overlap: a slow check finishes before the next begins.
      ticking ??= runDue().finally(() => {
        ticking = null;
      });
      return ticking;
    },
    async start(timerMs = 30_000) {
      await check('startup');
      timer = setInterval(() => void this.tick(), timerMs);
      timer.unref();
    },
    resume: () => check('resume'),
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    lastPollAt: () => polledAt,
  };
}
