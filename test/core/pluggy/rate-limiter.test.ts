import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/core/pluggy/rate-limiter';
import { createFakeClock } from './helpers/fake-clock';

/** The largest number of timestamps inside any window of `windowMs` (sliding, both ends). */
function maxInAnyWindow(times: number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('the client-side rate limiter', () => {
  it('keeps 2,000 calls to one endpoint under 360 in every minute, however the minute is cut', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter(clock);
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 2_000 }, () =>
        limiter.acquire('GET /v2/transactions').then(() => times.push(clock.now())),
      ),
    );
    expect(times).toHaveLength(2_000);
    expect(maxInAnyWindow(times, 60_000)).toBeLessThanOrEqual(324);
    // It slows down rather than refusing: 2,000 calls at ~324/min take about six minutes of clock time.
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(5 * 60_000);
  });

  it('lets a first sync’s burst through at once, up to the minute’s budget', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter(clock);
    for (let i = 0; i < 324; i++) await limiter.acquire('GET /v2/transactions');
    expect(clock.sleeps).toHaveLength(0);
    // The next call waits for the first one to leave the last minute.
    const start = clock.now();
    await limiter.acquire('GET /v2/transactions');
    expect(clock.now() - start).toBeGreaterThanOrEqual(60_000 - 1);
  });

  it('holds PATCH /items to 20 a minute and leaves unlisted endpoints alone', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter(clock);
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      await limiter.acquire('PATCH /items/:id');
      times.push(clock.now());
    }
    expect(maxInAnyWindow(times, 60_000)).toBeLessThanOrEqual(18);
    const sleepsBefore = clock.sleeps.length;
    for (let i = 0; i < 1_000; i++) await limiter.acquire('GET /items/:id');
    expect(clock.sleeps.length).toBe(sleepsBefore);
  });

  it('serves waiters in arrival order and honours overrides', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter(clock, { perMinute: { 'GET /accounts': 12 }, safety: 1 });
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => limiter.acquire('GET /accounts').then(() => order.push(i))),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('stops waiting when the signal aborts', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter(clock, { perMinute: { 'GET /accounts': 1 }, safety: 1 });
    await limiter.acquire('GET /accounts');
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await expect(limiter.acquire('GET /accounts', controller.signal)).rejects.toThrow('user cancelled');
  });
});
