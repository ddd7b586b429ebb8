// Reads a Pluggy item (or an API failure) and says what it means: the one StatusExplanation for its state.
import type { StatusExplanation } from '../../shared/connections/status';
import { STATUS_TABLE, isStatusCode, type StatusCode } from './status-table';

export interface ItemState {
  status: string;
  executionStatus: string;
  error?: { code: string } | null | undefined;
}

const IN_PROGRESS = new Set(['UPDATING', 'MERGING']);

/** Item statuses that mean the same as a table entry. */
const ALIASES: Record<string, StatusCode> = { MERGING: 'UPDATING', UPDATED: 'SUCCESS' };

export function explainCode(code: string): StatusExplanation {
  const key: StatusCode = ALIASES[code] ?? (isStatusCode(code) ? code : 'UNKNOWN');
  return { code, messageKey: `status.${key}`, ...STATUS_TABLE[key] };
}

/**
 * The most specific code wins: a waiting status, then the error code, then the execution status,
 * then the item status. An item still syncing is `UPDATING` whatever its last error was.
 */
export function explainItem(item: ItemState): StatusExplanation {
  if (item.status === 'WAITING_USER_INPUT' || item.status === 'WAITING_USER_ACTION') {
    return explainCode(item.status);
  }
  if (IN_PROGRESS.has(item.status)) return explainCode('UPDATING');
  if (item.error?.code && isStatusCode(item.error.code)) return explainCode(item.error.code);
  if (isStatusCode(item.executionStatus) && item.executionStatus !== 'SUCCESS') {
    return explainCode(item.executionStatus);
  }
  if (item.status === 'UPDATED')
    return explainCode(item.executionStatus === 'PARTIAL_SUCCESS' ? 'PARTIAL_SUCCESS' : 'SUCCESS');
  return explainCode(item.status);
}

/**
 * Automatic retries in a row, whatever the error's own policy: each retry refreshes the item, and Pluggy stops
 * client refreshes of an item after more than 5 failing synchronizations (TOO_MANY_CONSECUTIVE_ERRORS). The
 * failure that started the series plus 3 retries leaves room for Pluggy's own daily sync.
 */
export const MAX_AUTOMATIC_RETRIES = 3;

/**
 * When Cofre should retry by itself after `attempt` failed attempts (0-based), or null when it must not.
 * Never earlier than the policy says (SITE_NOT_AVAILABLE: 5 min means at least 5 min); up to 10% later,
 * so that many items failing together do not all retry in the same second.
 */
export function nextRetryDelayMs(
  explanation: StatusExplanation,
  attempt: number,
  random = Math.random,
): number | null {
  const { retry } = explanation;
  if (!retry.automatic || retry.firstDelayMs === undefined) return null;
  if (attempt >= Math.min(retry.maxAttempts ?? MAX_AUTOMATIC_RETRIES, MAX_AUTOMATIC_RETRIES)) return null;
  const raw = retry.firstDelayMs * (retry.factor ?? 1) ** attempt;
  const capped = Math.min(raw, retry.maxDelayMs ?? raw);
  return Math.round(capped + random() * capped * 0.1);
}
