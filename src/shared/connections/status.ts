// What a bank link's state means to the user: severity, the one action it calls for, and Cofre's own retry.
import { z } from 'zod';

export const Severity = z.enum(['ok', 'info', 'warning', 'error']);
export type Severity = z.infer<typeof Severity>;

/** The one thing the user can do about the current state (each is one button or one sentence in the UI). */
export const ConnectionAction = z.enum([
  'none',
  /** Re-enter credentials through Connect in update mode. */
  'reconnect',
  /** Answer the bank's MFA prompt (item WAITING_USER_INPUT). */
  'answer_mfa',
  /** Start a new sync and answer the MFA prompt in time. */
  'try_again',
  /** Approve the access in the bank's app (WAITING_USER_ACTION, USER_AUTHORIZATION_PENDING). */
  'approve_in_app',
  /** Log out of the bank's other open session, then sync. */
  'logout_other_session',
  /** Nothing to do: Cofre retries by itself at a stated time. */
  'wait_retry',
  /** Do something at the bank (accept terms, change password), then reconnect. */
  'act_at_bank',
  /** Call the bank: the account is locked there. */
  'contact_bank',
  /** This bank connector cannot serve this user: use another way in (e.g. Open Finance). */
  'use_other_connector',
  /** Cofre's Pluggy credentials are wrong or disabled: fix them in Settings. */
  'check_settings',
  /** Nothing can be done before a stated time (Pluggy's login back-off); then try again. */
  'wait_until',
  /** Fix something in the user's own Pluggy account (e.g. its IP allowlist), then sync. */
  'check_pluggy_account',
]);
export type ConnectionAction = z.infer<typeof ConnectionAction>;

export const RetryPolicy = z.object({
  automatic: z.boolean(),
  /** First automatic retry after this long. */
  firstDelayMs: z.number().int().nonnegative().optional(),
  /** Each later attempt waits this many times longer, up to maxDelayMs. */
  factor: z.number().positive().optional(),
  maxDelayMs: z.number().int().nonnegative().optional(),
  maxAttempts: z.number().int().nonnegative().optional(),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;

export const StatusExplanation = z.object({
  /** The Pluggy code this explains (an executionStatus, error code, item status or API error). */
  code: z.string(),
  severity: Severity,
  /** Key into the status messages (`status.<code>`), each with a `{{bank}}` placeholder. */
  messageKey: z.string(),
  action: ConnectionAction,
  retry: RetryPolicy,
});
export type StatusExplanation = z.infer<typeof StatusExplanation>;
