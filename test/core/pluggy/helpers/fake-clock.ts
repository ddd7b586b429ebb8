// A SleepClock that never waits: sleep() moves virtual time forward and records what was asked.
import type { SleepClock } from '../../../../src/core/clock';

export interface FakeClock extends SleepClock {
  /** Every sleep in call order. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function createFakeClock(start = Date.parse('2026-03-01T12:00:00.000Z')): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      sleeps.push(ms);
      // Concurrent sleepers share one timeline: each wakes at (its start + ms), time never goes back.
      const wakeAt = now + ms;
      await new Promise<void>((resolve) => setImmediate(resolve));
      now = Math.max(now, wakeAt);
    },
  };
}
