// Cross-process turns for sync runs: this engine's owner heartbeat and the per-item lease a run holds while it works.
import { setTimeout as delay } from 'node:timers/promises';
import { AppError } from '../../shared/errors';
import {
  newLeaseOwner,
  registerOwner,
  releaseLease,
  renewOwner,
  retireOwner,
  syncingElsewhere,
  tryAcquireLease,
} from '../store';
import { nowIso, type SyncDeps } from './run-context';

export interface LeaseTiming {
  /** How often a process with runs renews its heartbeat. */
  heartbeatMs: number;
  /** How long a heartbeat keeps its runs alive: past it, another process takes over and interrupts them. */
  ttlMs: number;
  /** How long a run waits for another process's run of the same item before it fails as busy. */
  waitMs: number;
  /** How often a waiting run looks again. */
  pollMs: number;
}

const DEFAULT_TIMING: LeaseTiming = { heartbeatMs: 5_000, ttlMs: 30_000, waitMs: 10 * 60_000, pollMs: 1_000 };

/** Shown on the waiting run's progress (the CLI prints it): the bank is not slow, another Cofre is syncing it. */
export const OTHER_PROCESS_STATUS = 'another Cofre process is syncing this bank';

/**
 * Leases are about real processes, so liveness uses the wall clock (Date.now), never the app's clock: a
 * test's frozen or moved clock must not make a live process look dead. `onLost` runs when another process
 * declared this one dead (its heartbeat lapsed, e.g. the machine slept): its runs must stop.
 */
export function createRunLeases(deps: SyncDeps, timing: Partial<LeaseTiming>, onLost: () => void) {
  const t = { ...DEFAULT_TIMING, ...timing };
  const owner = newLeaseOwner();
  let heartbeat: NodeJS.Timeout | undefined;

  function register(): void {
    registerOwner(deps.db, owner, Date.now(), t.ttlMs);
    if (heartbeat) return;
    heartbeat = setInterval(beat, t.heartbeatMs);
    heartbeat.unref();
  }

  function beat(): void {
    let alive: boolean;
    try {
      alive = renewOwner(deps.db, owner, Date.now(), t.ttlMs);
    } catch (err) {
      // Missing one beat is harmless while the TTL spans several; the next one tries again.
      deps.logger.warn({ err }, 'sync lease heartbeat failed');
      return;
    }
    if (alive) return;
    deps.logger.error({ owner: owner.id }, 'another process took this one for dead: its runs stop');
    onLost();
    // Runs started from here on belong to a live owner again.
    register();
  }

  return {
    owner: owner.id,
    /** Before a run is recorded: the owner is alive (and stays so while any run lives). */
    hold(): void {
      if (heartbeat) beat();
      else register();
    },
    /** No run left in this process: stop beating and leave the table. */
    idle(): void {
      clearInterval(heartbeat);
      heartbeat = undefined;
      retireOwner(deps.db, owner);
    },
    /** Waits (bounded) until no other live process runs the item, then holds its lease for `runId`. */
    async acquire(itemId: string, runId: number, signal: AbortSignal, onWait: () => void): Promise<void> {
      const deadline = Date.now() + t.waitMs;
      for (let told = false; ; told = true) {
        const attempt = tryAcquireLease(deps.db, itemId, owner, runId, Date.now(), nowIso(deps.clock));
        if (attempt.acquired) return;
        if (!told) {
          deps.logger.info({ itemId, runId, holder: attempt.holder }, 'waiting for another process to sync');
          onWait();
        }
        if (Date.now() >= deadline) {
          throw new AppError(
            'unavailable',
            'Another Cofre process is still syncing this bank; try again later.',
            {
              details: { itemId, waitedMs: t.waitMs },
            },
          );
        }
        await delay(t.pollMs, undefined, { signal });
      }
    },
    release(itemId: string): void {
      releaseLease(deps.db, itemId, owner);
    },
    /** Another live process has a run of the item in progress (`cofre sync` beside the app, or the app). */
    syncingElsewhere(itemId: string): boolean {
      return syncingElsewhere(deps.db, itemId, owner.id, Date.now());
    },
  };
}

export type RunLeases = ReturnType<typeof createRunLeases>;
