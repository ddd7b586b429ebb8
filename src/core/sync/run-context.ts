// Everything one sync run needs, passed down instead of imported, so tests can hand in their own.
import type { SyncProgress, SyncReason } from '../../shared/contract';
import type { SleepClock } from '../clock';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import type { Db } from '../store/db';
import type { DecodePage } from './page-decoder/page-decoder';
import type { PageCommitter } from './read-account';
import type { LeaseTiming } from './run-leases';
import type { SyncApi } from './sync-api';

export interface SyncDeps {
  db: Db;
  api: SyncApi;
  clock: SleepClock;
  events: EventBus;
  logger: Logger;
  /** How long to wait for the bank to finish an execution before giving up on this run. */
  waitTimeoutMs?: number;
  /** Accounts read at the same time. */
  accountConcurrency?: number;
  /** Turns a transactions page's body into rows; by default on the process's page decoder thread. */
  decodePage?: DecodePage;
  /** Cross-process lease timing (run-leases.ts); tests shorten it. */
  leaseTiming?: Partial<LeaseTiming>;
}

export interface RunContext extends SyncDeps {
  itemId: string;
  runId: number;
  reason: SyncReason;
  startedAt: string;
  /** The run's place in the sequence of runs (`takeSeenMark`): what it did not see carries an older one. */
  seenMark: number;
  /** Aborted when the run is cancelled (e.g. the user disconnects the bank meanwhile). */
  signal: AbortSignal;
  progress(update: Partial<Omit<SyncProgress, 'itemId' | 'runId' | 'reason' | 'at'>>): void;
  /** Where the run's transaction pages go; pages of concurrent accounts commit together. */
  pages: PageCommitter;
  decodePage: DecodePage;
  /** A new one-time code the user typed for this refresh; sent once with the PATCH, never stored. */
  refreshParameters?: Record<string, string>;
}

export function nowIso(clock: { now(): number }): string {
  return new Date(clock.now()).toISOString();
}
