// One Pluggy HTTP call on got: limiter, apiKey header, one re-auth replay, got-driven retries, typed errors.
//
// How got's machinery is used (rather than a hand-rolled loop):
// - `retry` with `enforceRetryRules: true` makes got itself filter by attempt limit, status codes (408, 429,
//   5xx) and network error codes. `maxRetryAfter: Infinity` stops got from silently dropping a 429 whose
//   Retry-After (Pluggy: 60 s) exceeds the timeout — the pluggy-sdk bug.
// - got then calls our async `calculateDelay`, which applies what got cannot know (idempotency of this call,
//   RateLimit-Reset, the rate-limit cap, full jitter), WAITS through the injected clock, records the delay,
//   and returns 1 ms (0 would mean "do not retry" to got). Tests therefore assert delays without wall time.
// - `beforeRequest` takes a limiter token and sets X-API-KEY on every attempt, so a retry carries the
//   freshest key; `afterResponse` replays once via got's `retryWithMergedOptions` after a 401/403.
// got itself is loaded at the first call: it is ~120 ms of module loading that a start has no use for.
import type { ExtendOptions, Got, Method, RequestError, RetryObject } from 'got';
import type { SleepClock } from '../clock';
import type { Logger } from '../logging/logger';
import { decodeJson, type AnswerReader, type Decoded } from './decode-body';
import { mapFailure } from './error-mapping';
import { PluggyApiError, PluggyBadPayloadError } from './errors';
import type { RateLimiter } from './rate-limiter';
import { describeUrl } from './request-url';
import {
  RETRY_ERROR_CODES,
  RETRY_STATUS_CODES,
  decideRetry,
  type RetryPolicy,
  type RetryReason,
} from './retry-policy';
import type { SecretScrubber } from './secret-scrubber';
import type { TokenCache } from './token-cache';

export interface CallSpec {
  method: Method;
  /** Route template (`GET /items/:id`): the limiter key and the log label. */
  endpoint: string;
  url: URL;
  body?: unknown;
  /** Safe to replay after a lost answer or a 5xx (reads, PUT/DELETE, token issuing). */
  idempotent: boolean;
  /** Wait out a 429 and replay (default); false fails at once with the wait in `retryAfterMs`. */
  waitOnRateLimit?: boolean;
  /** Send the cached apiKey (false only for POST /auth itself). */
  auth: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface RetryEvent {
  method: string;
  endpoint: string;
  path: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  reason: RetryReason;
  status?: number;
  networkCode?: string;
  /** What was waited (through the clock) before the next attempt. */
  delayMs: number;
}

export interface TransportDeps {
  clock: SleepClock;
  logger: Logger;
  policy: RetryPolicy;
  limiter: RateLimiter;
  /** Absent only while building the client; every authed call needs it. */
  tokens: () => TokenCache;
  scrubber: SecretScrubber;
  timeoutMs: number;
  onRetry?: (event: RetryEvent) => void;
}

interface CallState {
  spec: CallSpec;
  path: string;
  /** Attempts sent; the one replayed after a 401/403 does not count against maxAttempts. */
  attempts: number;
  authReplays: number;
  apiKey?: string;
  retryAfterMs?: number;
}

export type Transport = <T>(spec: CallSpec, reader: AnswerReader<T>) => Promise<T>;

const stateOf = (context: Record<string, unknown>): CallState => context['pluggy'] as CallState;

function headerRecord(error: RequestError): Record<string, string | string[] | undefined> {
  return error.response?.headers ?? {};
}

export function createTransport(deps: TransportDeps): Transport {
  const { clock, logger, policy, scrubber } = deps;

  const calculateDelay = async ({ error }: RetryObject): Promise<number> => {
    // A replay requested by afterResponse (401/403): go at once.
    if (error.name === 'RetryError') return 1;
    const state = stateOf(error.options.context);
    const status = error.response?.statusCode;
    const networkCode = status === undefined ? error.code : undefined;
    const decision = decideRetry(policy, {
      attempt: state.attempts - state.authReplays,
      idempotent: state.spec.idempotent,
      ...(state.spec.waitOnRateLimit === false ? { waitOnRateLimit: false } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(networkCode !== undefined ? { networkCode } : {}),
      headers: headerRecord(error),
      nowMs: clock.now(),
    });
    if (!decision.retry) {
      if (decision.retryAfterMs !== undefined) state.retryAfterMs = decision.retryAfterMs;
      return 0;
    }
    const event: RetryEvent = {
      method: state.spec.method,
      endpoint: state.spec.endpoint,
      path: state.path,
      attempt: state.attempts - state.authReplays,
      reason: decision.reason,
      ...(status !== undefined ? { status } : {}),
      ...(networkCode !== undefined ? { networkCode } : {}),
      delayMs: decision.delayMs,
    };
    logger.warn(event, 'pluggy call failed; retrying');
    deps.onRetry?.(event);
    await clock.sleep(decision.delayMs, state.spec.signal);
    return 1;
  };

  const options: ExtendOptions = {
    followRedirect: false,
    throwHttpErrors: true,
    headers: { accept: 'application/json', 'user-agent': 'cofre-pluggy-client' },
    retry: {
      // One more than maxAttempts-1 so a 401 replay never eats a retry; decideRetry holds the real budget.
      limit: policy.maxAttempts,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
      statusCodes: [...RETRY_STATUS_CODES],
      errorCodes: [...RETRY_ERROR_CODES],
      maxRetryAfter: Number.POSITIVE_INFINITY,
      enforceRetryRules: true,
      calculateDelay,
    },
    hooks: {
      beforeRequest: [
        async (options) => {
          const state = stateOf(options.context);
          await deps.limiter.acquire(state.spec.endpoint, state.spec.signal);
          if (state.spec.auth) {
            state.apiKey = await deps.tokens().get();
            options.headers['x-api-key'] = state.apiKey;
          }
          state.attempts++;
        },
      ],
      afterResponse: [
        (response, retryWithMergedOptions) => {
          const state = stateOf(response.request.options.context);
          const status = response.statusCode;
          logger.debug(
            { method: state.spec.method, path: state.path, status, attempt: state.attempts },
            'pluggy response',
          );
          if (state.spec.auth && (status === 401 || status === 403) && state.authReplays === 0) {
            state.authReplays++;
            if (state.apiKey !== undefined) deps.tokens().invalidate(state.apiKey);
            logger.info(
              { method: state.spec.method, path: state.path, status },
              'pluggy refused the apiKey; re-authenticating once',
            );
            return retryWithMergedOptions({});
          }
          return response;
        },
      ],
    },
  };
  let loaded: Promise<{ http: Got; isGotError: (error: unknown) => error is RequestError }> | undefined;
  const load = () =>
    (loaded ??= import('got').then((got) => ({
      http: got.default.extend(options),
      isGotError: (error: unknown): error is RequestError => error instanceof got.RequestError,
    })));

  return async function call<T>(spec: CallSpec, reader: AnswerReader<T>): Promise<T> {
    const { http, isGotError } = await load();
    const state: CallState = {
      spec,
      path: scrubber.scrub(describeUrl(spec.url)),
      attempts: 0,
      authReplays: 0,
    };
    let body: Buffer;
    let status: number;
    try {
      const response = await http(spec.url, {
        method: spec.method,
        // Bytes, not text: a decoder on another thread takes them as they are.
        responseType: 'buffer',
        ...(spec.body !== undefined ? { json: spec.body } : {}),
        timeout: { request: spec.timeoutMs ?? deps.timeoutMs },
        context: { pluggy: state },
        ...(spec.signal ? { signal: spec.signal } : {}),
      });
      body = response.body;
      status = response.statusCode;
    } catch (error) {
      const mapped = mapFailure(error, isGotError, state, scrubber, clock.now());
      if (mapped instanceof PluggyApiError) {
        logger.warn(
          {
            method: spec.method,
            path: state.path,
            name: mapped.name,
            status: mapped.status,
            codeDescription: mapped.codeDescription,
          },
          'pluggy call failed',
        );
      }
      throw mapped;
    }
    const decoded: Decoded<T> = typeof reader === 'function' ? await reader(body) : decodeJson(body, reader);
    if (decoded.ok) return decoded.value;
    if (decoded.notJson) {
      throw new PluggyBadPayloadError({
        status,
        method: spec.method,
        path: state.path,
        message: `Pluggy's answer to ${spec.method} ${state.path} is not JSON.`,
        issues: decoded.issues,
        cause: new Error(scrubber.scrub(decoded.detail ?? 'not JSON')),
      });
    }
    const { issues } = decoded;
    const first = issues[0];
    throw new PluggyBadPayloadError({
      status,
      method: spec.method,
      path: state.path,
      issues,
      message: `Pluggy's answer to ${spec.endpoint} does not match the expected shape: ${first ? `${first.path}: ${first.message}` : 'invalid'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}.`,
    });
  };
}
