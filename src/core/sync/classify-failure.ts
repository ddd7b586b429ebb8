// Turns whatever stopped a run into one status-table code, so the UI and the retry policy can act on it.
import { isAppError } from '../../shared/errors';
import { pluggyErrorOf, type PluggyErrorData } from '../pluggy/errors';
import { refusalOf, type Refusal } from '../pluggy/refusals';

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

/** Status-table codes of the refusals that end a run (the others are handled inside it). */
const REFUSAL_CODES: Partial<Record<Refusal['kind'], string>> = {
  too_many_errors: 'TOO_MANY_CONSECUTIVE_ERRORS',
  login_backoff: 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
  code_required: 'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR',
  code_already_used: 'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR',
  item_not_found: 'ITEM_NOT_FOUND',
  ip_not_allowed: 'CLIENT_IP_NOT_ALLOWED',
};

const CLASS_CODES: Partial<Record<PluggyErrorData['name'], string>> = {
  PluggyRateLimitError: 'RATE_LIMITED',
  PluggyNetworkError: 'NETWORK',
  PluggyAuthError: 'API_AUTH',
  // A 404 that is not about the item (an account read after it went away) is no reason to reconnect.
  PluggyNotFoundError: 'RESOURCE_NOT_FOUND',
};

function codeOf(pluggy: PluggyErrorData): string {
  const refusal = refusalOf(pluggy);
  return (refusal && REFUSAL_CODES[refusal.kind]) ?? CLASS_CODES[pluggy.name] ?? 'UNEXPECTED_ERROR';
}

export function classifyFailure(error: unknown): Failure {
  if (error instanceof ItemNotUpdatedError) {
    return { code: error.code, retryAfterMs: null, message: error.message };
  }
  const pluggy = pluggyErrorOf(error);
  if (pluggy) return { code: codeOf(pluggy), retryAfterMs: pluggy.retryAfterMs, message: pluggy.message };
  if (isAppError(error)) return { code: 'UNEXPECTED_ERROR', retryAfterMs: null, message: error.message };
  return { code: 'UNEXPECTED_ERROR', retryAfterMs: null, message: 'Unexpected failure during the sync.' };
}
