// Client-side token buckets, one per endpoint, that keep Cofre under Pluggy's per-minute, per-IP limits.
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
 * Pluggy counts fixed one-minute windows. A bucket holding `burst` tokens and refilling `rate` per minute
 * admits at most `burst + rate` requests in ANY 60 s span, so with burst + rate = limit·safety no window
 * (wherever it starts) sees more than the limit. A plain bucket of size `limit` refilling `limit`/min would
 * admit up to twice the limit in one window.
 */
class Bucket {
  private tokens: number;
  private updatedAt: number;
  private tail: Promise<void> = Promise.resolve();
  private readonly burst: number;
  private readonly perMs: number;

  constructor(
    limitPerMinute: number,
    safety: number,
    private readonly clock: SleepClock,
  ) {
    const budget = Math.max(1, Math.floor(limitPerMinute * safety));
    this.burst = Math.max(1, Math.floor(budget / 6));
    this.perMs = Math.max(1, budget - this.burst) / WINDOW_MS;
    this.tokens = this.burst;
    this.updatedAt = clock.now();
  }

  /** Resolves when a token is taken; callers are served first come, first served. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.tail.then(() => this.takeNow(signal));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
  }

  private async takeNow(signal?: AbortSignal): Promise<void> {
    this.refill();
    while (this.tokens < 1) {
      signal?.throwIfAborted();
      await this.clock.sleep(Math.ceil((1 - this.tokens) / this.perMs), signal);
      this.refill();
    }
    this.tokens -= 1;
  }
}

export interface RateLimiter {
  /** Waits (through the clock) until the endpoint may be called; unknown endpoints pass at once. */
  acquire(endpoint: string, signal?: AbortSignal): Promise<void>;
}

export function createRateLimiter(clock: SleepClock, options: LimiterOptions = {}): RateLimiter {
  const limits = { ...PLUGGY_LIMITS_PER_MINUTE, ...options.perMinute };
  const safety = options.safety ?? 0.9;
  const buckets = new Map<string, Bucket>();
  return {
    acquire(endpoint, signal) {
      const limit = limits[endpoint];
      if (limit === undefined) return Promise.resolve();
      let bucket = buckets.get(endpoint);
      if (!bucket) {
        bucket = new Bucket(limit, safety, clock);
        buckets.set(endpoint, bucket);
      }
      return bucket.take(signal);
    },
  };
}
