// Client-side sliding windows, one per endpoint, that keep Cofre under Pluggy's per-minute, per-IP limits.
import type { SleepClock } from '../clock';

/** Pluggy's published limits per endpoint per minute per IP (pluggy-api.md §9); other endpoints are unlimited here. */
export const PLUGGY_LIMITS_PER_MINUTE: Readonly<Record<string, number>> = {
  'POST /auth': 360,
  'GET /accounts': 360,
  'GET /accounts/:id': 360,
  'GET /transactions': 360,
  'GET /transactions/:id': 360,
  'GET /v2/transactions': 360,
  'GET /investments': 360,
  'GET /investments/:id': 360,
  'GET /investments/:id/transactions': 360,
  'PATCH /items/:id': 20,
};

export interface LimiterOptions {
  /** Per-endpoint limits per minute (keys like `GET /v2/transactions`), merged over Pluggy's. */
  perMinute?: Record<string, number>;
  /** Share of each limit Cofre allows itself, leaving room for clock skew and latency (default 0.9). */
  safety?: number;
}

const WINDOW_MS = 60_000;

/**
 * Pluggy counts fixed one-minute windows whose edges we cannot see. A sliding log that admits a call only
 * while fewer than limit·safety calls were made in the last 60 s keeps every window, wherever it starts,
 * under the limit, and still lets a first sync's burst through at once: a token bucket had to trade one
 * for the other (burst + refill per minute ≤ limit), and its 54-call burst queued a four-account first
 * sync behind 4.5 calls/s.
 */
class SlidingWindow {
  /** When the calls of the last WINDOW_MS were let through, oldest first. */
  private readonly times: number[] = [];
  private tail: Promise<void> = Promise.resolve();
  private readonly budget: number;

  constructor(
    limitPerMinute: number,
    safety: number,
    private readonly clock: SleepClock,
  ) {
    this.budget = Math.max(1, Math.floor(limitPerMinute * safety));
  }

  /** Resolves when the call may go; callers are served first come, first served. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.tail.then(() => this.takeNow(signal));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async takeNow(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      while (this.times.length > 0 && this.times[0]! <= now - WINDOW_MS) this.times.shift();
      if (this.times.length < this.budget) {
        this.times.push(now);
        return;
      }
      // Until the oldest call in the window leaves it.
      await this.clock.sleep(this.times[0]! + WINDOW_MS - now, signal);
    }
  }
}

export interface RateLimiter {
  /** Waits (through the clock) until the endpoint may be called; unknown endpoints pass at once. */
  acquire(endpoint: string, signal?: AbortSignal): Promise<void>;
}

export function createRateLimiter(clock: SleepClock, options: LimiterOptions = {}): RateLimiter {
  const limits = { ...PLUGGY_LIMITS_PER_MINUTE, ...options.perMinute };
  const safety = options.safety ?? 0.9;
  const windows = new Map<string, SlidingWindow>();
  return {
    acquire(endpoint, signal) {
      const limit = limits[endpoint];
      if (limit === undefined) return Promise.resolve();
      let window = windows.get(endpoint);
      if (!window) {
        window = new SlidingWindow(limit, safety, clock);
        windows.set(endpoint, window);
      }
      return window.take(signal);
    },
  };
}
