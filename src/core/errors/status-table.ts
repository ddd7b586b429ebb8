// Every Pluggy item status, execution status and error code → severity, message, action and Cofre's retry.
//
// The seed's error codes map onto Pluggy's real ones:
// | seed code               | Pluggy code(s)                               | action                       |
// |-------------------------|----------------------------------------------|------------------------------|
// | INVALID_CREDENTIALS     | INVALID_CREDENTIALS (item LOGIN_ERROR)        | reconnect; never auto-retried |
// | INSTITUTION_UNAVAILABLE | SITE_NOT_AVAILABLE (item OUTDATED)            | auto-retry after 5 min        |
// | CONNECTION_ERROR        | CONNECTION_ERROR, UNEXPECTED_ERROR, ERROR, …  | auto-retry with backoff (3×)  |
// | OUTDATED_CREDENTIALS    | ACCOUNT_CREDENTIALS_RESET                     | change password, reconnect    |
// | MFA_REQUIRED            | item WAITING_USER_INPUT (+ executionStatus)   | answer MFA                    |
import type { RetryPolicy, StatusExplanation } from '../../shared/connections/status';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const never: RetryPolicy = { automatic: false };
/** At most MAX_AUTOMATIC_RETRIES (3) in a row: each retry is a refresh Pluggy counts toward its lockout. */
const backoff = (firstDelayMs: number, maxAttempts = 3): RetryPolicy => ({
  automatic: true,
  firstDelayMs,
  factor: 2,
  maxDelayMs: 2 * HOUR,
  maxAttempts,
});

type Entry = Omit<StatusExplanation, 'code' | 'messageKey'>;

/** Keyed by the Pluggy code; the message key is always `status.<code>`. */
export const STATUS_TABLE = {
  // Finished executions.
  SUCCESS: { severity: 'ok', action: 'none', retry: never },
  PARTIAL_SUCCESS: { severity: 'warning', action: 'wait_retry', retry: backoff(30 * MINUTE, 3) },
  INVALID_CREDENTIALS: { severity: 'error', action: 'reconnect', retry: never },
  INVALID_CREDENTIALS_MFA: { severity: 'error', action: 'try_again', retry: never },
  USER_INPUT_TIMEOUT: { severity: 'warning', action: 'try_again', retry: never },
  ACCOUNT_CREDENTIALS_RESET: { severity: 'error', action: 'reconnect', retry: never },
  ACCOUNT_LOCKED: { severity: 'error', action: 'contact_bank', retry: never },
  ACCOUNT_NEEDS_ACTION: { severity: 'error', action: 'act_at_bank', retry: never },
  ALREADY_LOGGED_IN: { severity: 'warning', action: 'logout_other_session', retry: backoff(10 * MINUTE, 3) },
  USER_AUTHORIZATION_PENDING: {
    severity: 'warning',
    action: 'approve_in_app',
    retry: backoff(5 * MINUTE, 3),
  },
  USER_AUTHORIZATION_NOT_GRANTED: { severity: 'error', action: 'reconnect', retry: never },
  USER_NOT_SUPPORTED: { severity: 'error', action: 'use_other_connector', retry: never },
  SITE_NOT_AVAILABLE: { severity: 'warning', action: 'wait_retry', retry: backoff(5 * MINUTE) },
  CONNECTION_ERROR: { severity: 'warning', action: 'wait_retry', retry: backoff(2 * MINUTE) },
  UNEXPECTED_ERROR: { severity: 'warning', action: 'wait_retry', retry: backoff(2 * MINUTE) },
  ERROR: { severity: 'warning', action: 'wait_retry', retry: backoff(2 * MINUTE) },
  MERGE_ERROR: { severity: 'warning', action: 'wait_retry', retry: backoff(2 * MINUTE) },
  CREATE_ERROR: { severity: 'warning', action: 'wait_retry', retry: backoff(2 * MINUTE) },
  // Item statuses without a more specific execution status.
  UPDATING: { severity: 'info', action: 'none', retry: never },
  WAITING_USER_INPUT: { severity: 'warning', action: 'answer_mfa', retry: never },
  WAITING_USER_ACTION: { severity: 'warning', action: 'approve_in_app', retry: never },
  OUTDATED: { severity: 'warning', action: 'wait_retry', retry: backoff(5 * MINUTE) },
  LOGIN_ERROR: { severity: 'error', action: 'reconnect', retry: never },
  // Failures of Cofre's own calls to the API (not the bank's).
  RATE_LIMITED: { severity: 'warning', action: 'wait_retry', retry: backoff(MINUTE) },
  NETWORK: { severity: 'warning', action: 'wait_retry', retry: backoff(MINUTE) },
  API_AUTH: { severity: 'error', action: 'check_settings', retry: never },
  ITEM_NOT_FOUND: { severity: 'error', action: 'reconnect', retry: never },
  /** A 404 about something else than the item (an account gone between two calls). */
  RESOURCE_NOT_FOUND: { severity: 'warning', action: 'wait_retry', retry: backoff(10 * MINUTE, 3) },
  CLIENT_IP_NOT_ALLOWED: { severity: 'error', action: 'check_pluggy_account', retry: never },
  // Refusals of PATCH /items/{id} (spec: /paths/~1items~1{id}/patch/responses). The 409
  // CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY is no failure: the run reads what Pluggy has.
  /** Pluggy stopped client refreshes after more than 5 failing syncs: only the user (Connect) can resume. */
  TOO_MANY_CONSECUTIVE_ERRORS: { severity: 'error', action: 'reconnect', retry: never },
  /** Login errors in a row: Pluggy refuses until `canRetryAfterDate` (the connection's refreshBlockedUntil). */
  TOO_MANY_CONSECUTIVE_LOGIN_FAILURES: { severity: 'error', action: 'wait_until', retry: never },
  /** The bank wants a new one-time code to refresh: asked in-app, sent with the refresh. */
  CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR: { severity: 'warning', action: 'answer_mfa', retry: never },
  MFA_PARAMERTER_WAS_ALREADY_USED_ERROR: { severity: 'warning', action: 'answer_mfa', retry: never },
  UNKNOWN: { severity: 'warning', action: 'wait_retry', retry: backoff(10 * MINUTE, 3) },
} as const satisfies Record<string, Entry>;

export type StatusCode = keyof typeof STATUS_TABLE;

/** Refusals of Cofre's own refresh: newer than whatever state the item shows at Pluggy. */
export const REFRESH_REFUSALS: ReadonlySet<string> = new Set([
  'TOO_MANY_CONSECUTIVE_ERRORS',
  'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
  'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR',
  'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR',
  'CLIENT_IP_NOT_ALLOWED',
]);

/** Refusals answered by asking the user for a new one-time code and refreshing with it. */
export const CODE_REFUSALS: ReadonlySet<string> = new Set([
  'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR',
  'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR',
]);

export function isStatusCode(code: string): code is StatusCode {
  return Object.hasOwn(STATUS_TABLE, code);
}
