// Which bank links wait for the person (shown first, counted in banners) and which a sync must not touch.
import type { ConnectionAction, Severity } from './status';

interface LinkState {
  status: string;
  action: ConnectionAction | string;
  severity: Severity;
}

/** Actions only the person can take: Cofre's own retries cannot fix these states. */
const PERSON_ACTIONS: ReadonlySet<string> = new Set([
  'reconnect',
  'answer_mfa',
  'try_again',
  'approve_in_app',
  'logout_other_session',
  'act_at_bank',
  'contact_bank',
  'use_other_connector',
  'check_settings',
  'check_pluggy_account',
]);

/**
 * The bank refused the login (wrong or changed password, locked account, access not granted). A refresh
 * would send the same credentials again, and each failed login can deepen a lockout at the bank.
 */
export function isCredentialState(link: LinkState): boolean {
  if (link.action === 'reconnect') return true;
  // A login back-off (wait until T) or a request for a new code has its own fix.
  return link.status === 'LOGIN_ERROR' && !NOT_A_RECONNECT.has(link.action);
}

const NOT_A_RECONNECT: ReadonlySet<string> = new Set(['wait_until', 'answer_mfa', 'try_again']);

/** The link waits for something only the person can do. */
export function needsAttention(link: LinkState): boolean {
  return link.severity === 'error' || PERSON_ACTIONS.has(link.action) || isCredentialState(link);
}
