// Time as a dependency, so tests can move it instead of sleeping.
import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that can also wait; every backoff and rate-limit wait goes through it so tests never sleep. */
export interface SleepClock extends Clock {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemSleepClock: SleepClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(Math.max(0, ms), undefined, signal ? { signal } : undefined),
};
