// Turns what got throws into the client's typed errors, keeping a cause with no request options (no secrets).
import type { Method, RequestError } from 'got';
import { ErrorBody } from '../../shared/pluggy';
import { PluggyApiError, PluggyNetworkError, errorClassForStatus } from './errors';
import { rateLimitWaitMs } from './retry-policy';
import type { SecretScrubber } from './secret-scrubber';

/** What the transport knows about a call when it fails. */
export interface FailedCall {
  spec: { method: Method; idempotent: boolean; signal?: AbortSignal };
  path: string;
  attempts: number;
  /** The wait a final 429 asked for, as the retry policy read it. */
  retryAfterMs?: number;
}

/**
 * The error to throw for a failed call: an abort stays the caller's abort; errors our hooks threw (an
 * auth failure during the key refresh) come out unwrapped; everything else becomes a PluggyApiError subclass.
 */
export function mapFailure(
  error: unknown,
  isGotError: (error: unknown) => error is RequestError,
  state: FailedCall,
  scrubber: SecretScrubber,
  nowMs: number,
): unknown {
  const { spec, path } = state;
  if (spec.signal?.aborted) return spec.signal.reason;
  if (!isGotError(error)) return error;
  // Errors thrown by our own hooks (auth failures, aborted limiter waits) arrive wrapped by got.
  if (error.cause instanceof PluggyApiError) return error.cause;
  if (error.cause instanceof Error && error.cause.name === 'AbortError') return error.cause;
  // got's error holds the request options (headers with the apiKey, the body with the client secret):
  // keep only its name, code and scrubbed message as the cause.
  const cause = Object.assign(new Error(scrubber.scrub(error.message)), {
    name: error.name,
    code: error.code,
  });
  const response = error.response;
  if (!response) {
    const refused = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(error.code);
    return new PluggyNetworkError({
      status: null,
      method: spec.method,
      path,
      networkCode: error.code,
      mayHaveSucceeded: !spec.idempotent && !refused,
      message: `No answer from Pluggy to ${spec.method} ${path} (${error.code}) after ${state.attempts} attempt(s).`,
      cause,
    });
  }
  const status = response.statusCode;
  let body: ErrorBody | undefined;
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(String(response.body)));
    if (parsed.success) body = parsed.data;
  } catch {
    // Not JSON (a proxy's HTML page): described by status alone below.
    body = undefined;
  }
  const ErrorClass = errorClassForStatus(status);
  const described = body?.codeDescription ? ` ${body.codeDescription}` : '';
  const retryAfterMs =
    status === 429 ? (state.retryAfterMs ?? rateLimitWaitMs(response.headers, nowMs) ?? null) : null;
  return new ErrorClass({
    status,
    method: spec.method,
    path,
    codeDescription: body?.codeDescription ?? null,
    errorId: body?.errorId ?? null,
    data: body?.data ? scrubber.scrubValue(body.data) : null,
    details: body?.details ? scrubber.scrubValue(body.details) : null,
    retryAfterMs,
    message: scrubber.scrub(
      `Pluggy answered ${status}${described} to ${spec.method} ${path}: ${body?.message ?? (response.statusMessage || 'no message')}`,
    ),
    cause,
  });
}
