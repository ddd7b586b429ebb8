// Turns whatever stopped a run into one status-table code, so the UI and the retry policy can act on it.
import { isAppError } from '../../shared/errors';
import { pluggyErrorOf } from '../pluggy/errors';

/** The item finished at the bank in a state that brings no data (login error, bank down, …). */
export class ItemNotUpdatedError extends Error {
  override readonly name = 'ItemNotUpdatedError';
  constructor(
    readonly code: string,
    readonly status: string,
  ) {
    super(`The item finished as ${status} (${code}).`);
  }
}

export interface Failure {
  /** A key of the status table (status.<code>). */
  code: string;
  /** A retry time the API itself gave (429 Retry-After), in ms from now. */
  retryAfterMs: number | null;
  /** Safe to show and store: no secrets, no raw payloads. */
  message: string;
}

export function classifyFailure(error: unknown): Failure {
  if (error instanceof ItemNotUpdatedError) {
    return { code: error.code, retryAfterMs: null, message: error.message };
  }
  const pluggy = pluggyErrorOf(error);
  if (pluggy) {
    const code =
      pluggy.name === 'PluggyRateLimitError'
        ? 'RATE_LIMITED'
        : pluggy.name === 'PluggyNetworkError'
          ? 'NETWORK'
          : pluggy.name === 'PluggyAuthError'
            ? 'API_AUTH'
            : pluggy.name === 'PluggyNotFoundError'
              ? 'ITEM_NOT_FOUND'
              : 'UNEXPECTED_ERROR';
    return { code, retryAfterMs: pluggy.retryAfterMs, message: pluggy.message };
  }
  if (isAppError(error)) return { code: 'UNEXPECTED_ERROR', retryAfterMs: null, message: error.message };
  return { code: 'UNEXPECTED_ERROR', retryAfterMs: null, message: 'Unexpected failure during the sync.' };
}
