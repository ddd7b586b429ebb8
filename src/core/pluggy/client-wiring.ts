// Wires the client's parts: base URL, clock, logger, scrubber, retry policy, limiter, token cache, transport, cache.
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { AuthResponse } from '../../shared/pluggy';
import { systemSleepClock, type SleepClock } from '../clock';
import { silentLogger, type Logger } from '../logging/logger';
import { createRateLimiter, type LimiterOptions, type RateLimiter } from './rate-limiter';
import { endpointUrl, normalizeBaseUrl } from './request-url';
import { createMemoryCacheStore, createResponseCache, type CacheStore } from './response-cache';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { createSecretScrubber } from './secret-scrubber';
import { createTokenCache, type TokenCache } from './token-cache';
import type { AnswerReader } from './decode-body';
import { createTransport, type CallSpec, type RetryEvent } from './transport';

export interface PluggyClientOptions {
  /** `https://api.pluggy.ai`, or the sandbox's URL; any path prefix is kept. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  clock?: SleepClock;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  /** Client-side per-endpoint limits; `false` turns the limiter off. */
  limits?: LimiterOptions | false;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** Refresh the apiKey this long before it expires (default 10 min). */
  refreshMarginMs?: number;
  cache?: { store?: CacheStore; connectorsTtlMs?: number; categoriesTtlMs?: number };
  /** Told about every retry and its delay (for progress UIs: "waiting 60 s for Pluggy's rate limit"). */
  onRetry?: (event: RetryEvent) => void;
}

const noLimits: RateLimiter = { acquire: () => Promise.resolve() };

export function wireClient(options: PluggyClientOptions) {
  const base = normalizeBaseUrl(options.baseUrl);
  const clock = options.clock ?? systemSleepClock;
  const logger = options.logger ?? silentLogger();
  const scrubber = createSecretScrubber([options.clientSecret]);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new AppError('invalid_input', 'retry.maxAttempts must be a whole number of at least 1.');
  }
  const limiter = options.limits === false ? noLimits : createRateLimiter(clock, options.limits ?? {});
  const call = createTransport({
    clock,
    logger,
    policy,
    limiter,
    scrubber,
    tokens: () => tokens,
    timeoutMs: options.timeoutMs ?? 30_000,
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  const tokens: TokenCache = createTokenCache({
    clock,
    ...(options.refreshMarginMs !== undefined ? { refreshMarginMs: options.refreshMarginMs } : {}),
    onNewKey: (apiKey) => {
      scrubber.add(apiKey);
      logger.info('pluggy apiKey obtained');
    },
    fetchApiKey: async () =>
      (
        await call(
          {
            method: 'POST',
            endpoint: 'POST /auth',
            url: endpointUrl(base, ['auth']),
            body: { clientId: options.clientId, clientSecret: options.clientSecret },
            idempotent: true,
            auth: false,
          },
          AuthResponse,
        )
      ).apiKey,
  });
  const cache = createResponseCache(options.cache?.store ?? createMemoryCacheStore(clock), logger, base.href);
  const connectorsTtl = options.cache?.connectorsTtlMs ?? 60 * 60 * 1000;
  const categoriesTtl = options.cache?.categoriesTtlMs ?? 24 * 60 * 60 * 1000;

  const get = <T>(endpoint: string, url: URL, reader: AnswerReader<T>, signal?: AbortSignal) =>
    call(
      { method: 'GET', endpoint, url, idempotent: true, auth: true, ...(signal ? { signal } : {}) },
      reader,
    );
  const send = <T>(spec: Omit<CallSpec, 'auth' | 'url'> & { path: string[] }, schema: z.ZodType<T>) => {
    const { path, ...rest } = spec;
    return call({ ...rest, url: endpointUrl(base, path), auth: true }, schema);
  };

  // A public file at an absolute URL (a connector's logo): no apiKey, same timeouts, retries and errors.
  const getBytes = (endpoint: string, url: URL) =>
    call({ method: 'GET', endpoint, url, idempotent: true, auth: false }, (body) =>
      Promise.resolve({ ok: true as const, value: body }),
    );

  return { base, logger, scrubber, tokens, cache, connectorsTtl, categoriesTtl, get, send, getBytes };
}
