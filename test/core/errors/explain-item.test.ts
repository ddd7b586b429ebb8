import { describe, expect, it } from 'vitest';
import {
  MAX_AUTOMATIC_RETRIES,
  explainCode,
  explainItem,
  nextRetryDelayMs,
  STATUS_TABLE,
} from '../../../src/core/errors';
import { statusMessagesEn, statusMessagesPtBR } from '../../../src/shared/messages/status-messages';
import {
  EXECUTION_ERROR_CODES,
  EXECUTION_FINISHED_STATUSES,
  ITEM_STATUSES,
} from '../../../src/shared/pluggy';

const MINUTE = 60_000;

describe('explaining Pluggy states', () => {
  it('covers every item status, execution status and error code Pluggy documents', () => {
    for (const code of [...ITEM_STATUSES, ...EXECUTION_FINISHED_STATUSES, ...EXECUTION_ERROR_CODES]) {
      const key = ({ MERGING: 'UPDATING', UPDATED: 'SUCCESS' } as Record<string, string>)[code] ?? code;
      expect(explainCode(key).messageKey, code).toBe(`status.${key}`);
    }
  });

  it('has a pt-BR and an English message for every entry, naming the bank when it is about one', () => {
    for (const code of Object.keys(STATUS_TABLE)) {
      const pt = (statusMessagesPtBR.status as Record<string, string>)[code];
      const en = (statusMessagesEn.status as Record<string, string>)[code];
      expect(pt, code).toBeTruthy();
      expect(en, code).toBeTruthy();
      // Failures of Cofre's own link to Pluggy are not about one bank; every other message names it.
      if (['RATE_LIMITED', 'NETWORK', 'API_AUTH', 'CLIENT_IP_NOT_ALLOWED'].includes(code)) continue;
      expect(pt, code).toContain('{{bank}}');
      expect(en, code).toContain('{{bank}}');
    }
  });

  it('never retries by itself after invalid credentials (Pluggy stops auto-sync; so do we)', () => {
    const e = explainItem({
      status: 'LOGIN_ERROR',
      executionStatus: 'INVALID_CREDENTIALS',
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect(e).toMatchObject({ severity: 'error', action: 'reconnect', retry: { automatic: false } });
    expect(nextRetryDelayMs(e, 0)).toBeNull();
  });

  it('retries a bank that is down no sooner than 5 minutes later', () => {
    const e = explainItem({
      status: 'OUTDATED',
      executionStatus: 'SITE_NOT_AVAILABLE',
      error: { code: 'SITE_NOT_AVAILABLE' },
    });
    expect(e.action).toBe('wait_retry');
    expect(nextRetryDelayMs(e, 0, () => 0)).toBe(5 * MINUTE);
    expect(nextRetryDelayMs(e, 0, () => 0.999)).toBeLessThanOrEqual(5.5 * MINUTE);
  });

  it('backs off connection errors exponentially and stops after 3 automatic retries in a row', () => {
    const e = explainCode('CONNECTION_ERROR');
    const delays = [0, 1, 2].map((attempt) => nextRetryDelayMs(e, attempt, () => 0));
    expect(delays).toEqual([2, 4, 8].map((m) => m * MINUTE));
    expect(nextRetryDelayMs(e, 3, () => 0)).toBeNull();
  });

  it('never plans more than 3 automatic retries in a row, whatever an entry asks', () => {
    for (const code of Object.keys(STATUS_TABLE)) {
      expect(
        nextRetryDelayMs(explainCode(code), MAX_AUTOMATIC_RETRIES, () => 0),
        code,
      ).toBeNull();
    }
    const greedy = {
      ...explainCode('NETWORK'),
      retry: { automatic: true, firstDelayMs: MINUTE, maxAttempts: 9 },
    };
    expect(nextRetryDelayMs(greedy, 2, () => 0)).toBe(MINUTE);
    expect(nextRetryDelayMs(greedy, 3, () => 0)).toBeNull();
  });

  it('never retries credential errors or the refusals the user must answer', () => {
    for (const code of [
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
      'ACCOUNT_CREDENTIALS_RESET',
      'LOGIN_ERROR',
      'TOO_MANY_CONSECUTIVE_ERRORS',
      'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
      'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR',
      'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR',
      'CLIENT_IP_NOT_ALLOWED',
    ]) {
      expect(
        nextRetryDelayMs(explainCode(code), 0, () => 0),
        code,
      ).toBeNull();
    }
    expect(explainCode('CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR').action).toBe('answer_mfa');
    expect(explainCode('MFA_PARAMERTER_WAS_ALREADY_USED_ERROR').action).toBe('answer_mfa');
    expect(explainCode('TOO_MANY_CONSECUTIVE_LOGIN_FAILURES').action).toBe('wait_until');
    expect(explainCode('TOO_MANY_CONSECUTIVE_ERRORS').action).toBe('reconnect');
    expect(statusMessagesPtBR.status.TOO_MANY_CONSECUTIVE_LOGIN_FAILURES).toContain('{{until}}');
    expect(statusMessagesEn.status.TOO_MANY_CONSECUTIVE_LOGIN_FAILURES).toContain('{{until}}');
  });

  it('asks for the MFA answer while the item waits for user input, whatever the old error was', () => {
    const e = explainItem({
      status: 'WAITING_USER_INPUT',
      executionStatus: 'WAITING_USER_INPUT',
      error: { code: 'CONNECTION_ERROR' },
    });
    expect(e.action).toBe('answer_mfa');
  });

  it('reports a syncing item as updating, and a partial success as a warning', () => {
    expect(explainItem({ status: 'MERGING', executionStatus: 'MERGING' }).messageKey).toBe('status.UPDATING');
    expect(explainItem({ status: 'UPDATED', executionStatus: 'PARTIAL_SUCCESS' })).toMatchObject({
      severity: 'warning',
    });
    expect(explainItem({ status: 'UPDATED', executionStatus: 'SUCCESS', error: null })).toMatchObject({
      severity: 'ok',
      action: 'none',
    });
  });

  it('explains a code Pluggy adds later as unknown rather than failing', () => {
    const e = explainItem({
      status: 'OUTDATED',
      executionStatus: 'BRAND_NEW_CODE',
      error: { code: 'BRAND_NEW_CODE' },
    });
    expect(e.messageKey).toBe('status.OUTDATED');
    expect(explainCode('BRAND_NEW_CODE')).toMatchObject({
      code: 'BRAND_NEW_CODE',
      messageKey: 'status.UNKNOWN',
    });
  });
});
