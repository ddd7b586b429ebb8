// The retry policy as pure functions: what is retried, how long to wait (full jitter, Retry-After), when to stop.

export interface RetryPolicy {
  /** Attempts per request, the first included (default 3). */
  maxAttempts: number;
  /** Backoff of the first retry before jitter; doubles each retry. */
  baseDelayMs: number;
  /** Cap of the exponential backoff before jitter. */
  maxDelayMs: number;
  /** Longest rate-limit wait honoured; a longer Retry-After/RateLimit-Reset becomes a PluggyRateLimitError. */
  maxRateLimitWaitMs: number;
  /** Extra random wait on top of a rate-limit reset, so parallel callers do not return in lockstep. */
  rateLimitJitterMs: number;
  /** Wait on a 429 without any reset header (Pluggy's window is one minute). */
  defaultRateLimitWaitMs: number;
  /** Uniform [0, 1); injectable so tests can predict every delay. */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRateLimitWaitMs: 90_000,
  rateLimitJitterMs: 1_000,
  defaultRateLimitWaitMs: 60_000,
  random: Math.random,
};

/** Statuses worth a retry: timeout, rate limit and the transient 5xx family. */
export const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504] as const;

/** Network failures worth a retry (reset, refused, timeout, DNS, unreachable). */
export const RETRY_ERROR_CODES = [
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
] as const;

/** Full jitter: uniform in [0, min(cap, base·2^(retry-1))]; `retry` counts from 1. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(policy.random() * ceiling);
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n * 1000 : undefined;
}

/**
 * How long a 429 asks to wait: `RateLimit-Reset` (seconds until the window resets, the precise one) when
 * present, else `Retry-After` (seconds or an HTTP date; Pluggy always sends 60). Undefined when neither.
 */
export function rateLimitWaitMs(headers: Headers, nowMs: number): number | undefined {
  const reset = seconds(header(headers, 'ratelimit-reset'));
  if (reset !== undefined) return reset;
  const retryAfter = header(headers, 'retry-after');
  const asSeconds = seconds(retryAfter);
  if (asSeconds !== undefined) return asSeconds;
  if (retryAfter === undefined) return undefined;
  const at = Date.parse(retryAfter);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

export type RetryReason = 'status' | 'network' | 'rate_limit';

export interface FailedAttempt {
  /** The attempt that just failed, from 1. */
  attempt: number;
  /** Replaying cannot duplicate an effect at Pluggy or the bank. */
  idempotent: boolean;
  /** False when someone is waiting and a 429 should fail at once (an item refresh: Cofre reads instead). */
  waitOnRateLimit?: boolean;
  status?: number;
  networkCode?: string;
  headers?: Headers;
  nowMs: number;
}

export type RetryDecision =
  | { retry: true; delayMs: number; reason: RetryReason }
  | { retry: false; why: string; retryAfterMs?: number };

/**
 * Decides one retry. A 429 is always safe to replay (Pluggy refused the request before acting on it); a
 * 5xx, 408 or network failure only when the request is idempotent, since a POST /items or an item refresh
 * may already have taken effect.
 */
export function decideRetry(policy: RetryPolicy, failed: FailedAttempt): RetryDecision {
  const { status, networkCode } = failed;
  if (status === 429) {
    const asked = rateLimitWaitMs(failed.headers ?? {}, failed.nowMs);
    const waitMs = asked ?? policy.defaultRateLimitWaitMs;
    if (failed.waitOnRateLimit === false)
      return { retry: false, why: 'caller does not wait', retryAfterMs: waitMs };
    if (failed.attempt >= policy.maxAttempts)
      return { retry: false, why: 'attempts exhausted', retryAfterMs: waitMs };
    if (waitMs > policy.maxRateLimitWaitMs)
      return { retry: false, why: 'wait above cap', retryAfterMs: waitMs };
    const jitter = Math.floor(policy.random() * policy.rateLimitJitterMs);
    return { retry: true, delayMs: waitMs + jitter, reason: 'rate_limit' };
  }
  const retryableStatus = status !== undefined && (RETRY_STATUS_CODES as readonly number[]).includes(status);
  const retryableNetwork =
    status === undefined &&
    networkCode !== undefined &&
    (RETRY_ERROR_CODES as readonly string[]).includes(networkCode);
  if (!retryableStatus && !retryableNetwork) return { retry: false, why: 'not retryable' };
  if (!failed.idempotent) return { retry: false, why: 'not idempotent' };
  if (failed.attempt >= policy.maxAttempts) return { retry: false, why: 'attempts exhausted' };
  return {
    retry: true,
    delayMs: backoffDelay(policy, failed.attempt),
    reason: retryableStatus ? 'status' : 'network',
  };
}
