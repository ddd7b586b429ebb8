import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  decideRetry,
  rateLimitWaitMs,
  type RetryPolicy,
} from '../../../src/core/pluggy/retry-policy';

const policy = (random: number, over: Partial<RetryPolicy> = {}): RetryPolicy => ({
  ...DEFAULT_RETRY_POLICY,
  random: () => random,
  ...over,
});
const NOW = Date.parse('2026-03-01T12:00:00.000Z');

describe('the retry policy', () => {
  it('backs off exponentially with full jitter under a cap', () => {
    const top = policy(0.999_999, { baseDelayMs: 100, maxDelayMs: 1_000 });
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(top, n))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(policy(0), 4)).toBe(0);
    expect(backoffDelay(policy(0.5, { baseDelayMs: 500 }), 2)).toBe(500);
  });

  it('reads RateLimit-Reset first, then Retry-After in seconds or as a date', () => {
    expect(rateLimitWaitMs({ 'ratelimit-reset': '12', 'retry-after': '60' }, NOW)).toBe(12_000);
    expect(rateLimitWaitMs({ 'retry-after': '60' }, NOW)).toBe(60_000);
    expect(rateLimitWaitMs({ 'retry-after': new Date(NOW + 30_000).toUTCString() }, NOW)).toBe(30_000);
    expect(rateLimitWaitMs({}, NOW)).toBeUndefined();
    expect(rateLimitWaitMs({ 'retry-after': 'soon' }, NOW)).toBeUndefined();
  });

  it('waits out a 429 even on a POST, beyond any request timeout, up to the cap', () => {
    const p = policy(0.5);
    expect(
      decideRetry(p, {
        attempt: 1,
        idempotent: false,
        status: 429,
        headers: { 'retry-after': '60' },
        nowMs: NOW,
      }),
    ).toEqual({
      retry: true,
      delayMs: 60_500,
      reason: 'rate_limit',
    });
    expect(
      decideRetry(policy(0.5, { maxRateLimitWaitMs: 30_000 }), {
        attempt: 1,
        idempotent: true,
        status: 429,
        headers: { 'retry-after': '60' },
        nowMs: NOW,
      }),
    ).toEqual({ retry: false, why: 'wait above cap', retryAfterMs: 60_000 });
  });

  it('retries 408, 5xx and network failures only for idempotent calls', () => {
    const p = policy(0.5);
    for (const status of [408, 500, 502, 503, 504]) {
      expect(decideRetry(p, { attempt: 1, idempotent: true, status, nowMs: NOW }).retry).toBe(true);
      expect(decideRetry(p, { attempt: 1, idempotent: false, status, nowMs: NOW })).toMatchObject({
        retry: false,
        why: 'not idempotent',
      });
    }
    for (const networkCode of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']) {
      expect(decideRetry(p, { attempt: 1, idempotent: true, networkCode, nowMs: NOW })).toMatchObject({
        retry: true,
        reason: 'network',
      });
      expect(decideRetry(p, { attempt: 1, idempotent: false, networkCode, nowMs: NOW }).retry).toBe(false);
    }
    for (const status of [400, 401, 403, 404, 410, 422, 501]) {
      expect(decideRetry(p, { attempt: 1, idempotent: true, status, nowMs: NOW })).toMatchObject({
        retry: false,
        why: 'not retryable',
      });
    }
  });

  it('stops after maxAttempts and keeps the wait a 429 asked for', () => {
    const p = policy(0.5, { maxAttempts: 3 });
    expect(decideRetry(p, { attempt: 2, idempotent: true, status: 503, nowMs: NOW }).retry).toBe(true);
    expect(decideRetry(p, { attempt: 3, idempotent: true, status: 503, nowMs: NOW })).toMatchObject({
      retry: false,
      why: 'attempts exhausted',
    });
    expect(
      decideRetry(p, {
        attempt: 3,
        idempotent: true,
        status: 429,
        headers: { 'ratelimit-reset': '7' },
        nowMs: NOW,
      }),
    ).toEqual({
      retry: false,
      why: 'attempts exhausted',
      retryAfterMs: 7_000,
    });
  });
});
