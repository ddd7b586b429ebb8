// Every Pluggy item status, execution status and error code → severity, message, action and Cofre's retry.
//
// The seed's error codes map onto Pluggy's real ones:
// | seed code               | Pluggy code(s)                               | action                       |
// |-------------------------|----------------------------------------------|------------------------------|
// | INVALID_CREDENTIALS     | INVALID_CREDENTIALS (item LOGIN_ERROR)        | reconnect; never auto-retried |
// | INSTITUTION_UNAVAILABLE | SITE_NOT_AVAILABLE (item OUTDATED)            | auto-retry after 5 min        |
// | CONNECTION_ERROR        | CONNECTION_ERROR, UNEXPECTED_ERROR, ERROR, …  | auto-retry with backoff       |
// | OUTDATED_CREDENTIALS    | ACCOUNT_CREDENTIALS_RESET                     | change password, reconnect    |
// | MFA_REQUIRED            | item WAITING_USER_INPUT (+ executionStatus)   | answer MFA                    |
import type { RetryPolicy, StatusExplanation } from '../../shared/connections/status';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const never: RetryPolicy = { automatic: false };
const backoff = (firstDelayMs: number, maxAttempts = 6): RetryPolicy => ({
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
  ACCOUNT_CREDENTIALS_RESET: { severity: 'error', action: 'act_at_bank', retry: never },
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
  NETWORK: { severity: 'warning', action: 'wait_retry', retry: backoff(MINUTE, 8) },
  API_AUTH: { severity: 'error', action: 'check_settings', retry: never },
  ITEM_NOT_FOUND: { severity: 'error', action: 'reconnect', retry: never },
  UNKNOWN: { severity: 'warning', action: 'wait_retry', retry: backoff(10 * MINUTE, 3) },
} as const satisfies Record<string, Entry>;

export type StatusCode = keyof typeof STATUS_TABLE;

export function isStatusCode(code: string): code is StatusCode {
  return Object.hasOwn(STATUS_TABLE, code);
}
