import { describe, expect, it } from 'vitest';
import {
  PluggyNotFoundError,
  PluggyValidationError,
  PluggyApiError,
  PluggyAuthError,
  refusalOf,
} from '../../../src/core/pluggy';
import type { ErrorBody } from '../../../src/shared/pluggy';
import { classifyFailure } from '../../../src/core/sync/classify-failure';

/** The error the client throws for `body`, as error-mapping builds it. */
function errorFor(status: number, body: Partial<ErrorBody>, path = '/items/3f1c'): PluggyApiError {
  const Class =
    status === 404
      ? PluggyNotFoundError
      : status === 400
        ? PluggyValidationError
        : status === 403
          ? PluggyAuthError
          : PluggyApiError;
  return new Class({
    status,
    method: 'PATCH',
    path,
    codeDescription: body.codeDescription ?? null,
    data: body.data ?? null,
    details: body.details ?? null,
    message: `Pluggy answered ${status} to PATCH ${path}: ${body.message ?? ''}`,
  });
}

// The examples of `/paths/~1items~1{id}/patch/responses` in pluggy-oas3.json, verbatim.
const SPEC = {
  repeatedMFA: {
    code: 400,
    codeDescription: 'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR',
    message: 'MFA parameter has to be updated from last execution',
  },
  missingMFA: {
    message: "The parameter 'token' is required to be renewed for item update.",
    code: 400,
    codeDescription: 'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR',
    details: [{ code: '001', message: "Parameter 'token' is required", parameter: 'token' }],
    data: { parameter: 'token' },
  },
  tooManyErrors: {
    code: 400,
    codeDescription: 'TOO_MANY_CONSECUTIVE_ERRORS',
    message: 'There has been more than 5 failing syncronizations, please contact support',
  },
  tooManyConsecutiveLoginFailures: {
    code: 400,
    codeDescription: 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
    message:
      'must wait at least {readableBackoffTime} after {maxConsecutiveFailedLoginAttempts} consecutive login errors, last attempt was at {lastExecutionEndedAt} (can retry after: {canRetryAfterDate})',
    data: {
      readableBackoffTime: '15 minutes',
      maxConsecutiveFailedLoginAttempts: 2,
      lastExecutionEndedAt: '2020-01-01T00:00:00.000Z',
      canRetryAfterDate: '2020-01-01T00:15:00.000Z',
    },
  },
  notFound: { code: 404, codeDescription: 'ITEM_NOT_FOUND', message: 'item not found' },
  conflict: {
    code: 409,
    codeDescription: 'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY',
    message:
      'Client updates on this item are allowed at most every {minUpdateFrequencyAllowedInHours} hours. Last update was at {lastUpdatedAt}',
    data: { minUpdateFrequencyAllowedInHours: 24, lastUpdatedAt: '2020-01-01T00:00:00.000Z' },
  },
} satisfies Record<string, ErrorBody>;

describe('the refusals of PATCH /items/{id} in the spec', () => {
  it('reads each example into what Cofre does about it', () => {
    expect(refusalOf(errorFor(400, SPEC.repeatedMFA))).toEqual({
      kind: 'code_already_used',
      parameter: 'token',
    });
    expect(refusalOf(errorFor(400, SPEC.missingMFA))).toEqual({ kind: 'code_required', parameter: 'token' });
    expect(refusalOf(errorFor(400, SPEC.tooManyErrors))).toEqual({ kind: 'too_many_errors' });
    expect(refusalOf(errorFor(400, SPEC.tooManyConsecutiveLoginFailures))).toEqual({
      kind: 'login_backoff',
      allowedAt: '2020-01-01T00:15:00.000Z',
    });
    expect(refusalOf(errorFor(404, SPEC.notFound))).toEqual({ kind: 'item_not_found' });
    // Next refresh allowed: lastUpdatedAt + minUpdateFrequencyAllowedInHours.
    expect(refusalOf(errorFor(409, SPEC.conflict))).toEqual({
      kind: 'too_frequent',
      allowedAt: '2020-01-02T00:00:00.000Z',
    });
  });

  it('classifies each failing refusal as its own status code, never as an unexpected error', () => {
    const code = (status: number, body: Partial<ErrorBody>, path?: string) =>
      classifyFailure(errorFor(status, body, path)).code;
    expect(code(400, SPEC.repeatedMFA)).toBe('MFA_PARAMERTER_WAS_ALREADY_USED_ERROR');
    expect(code(400, SPEC.missingMFA)).toBe('CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR');
    expect(code(400, SPEC.tooManyErrors)).toBe('TOO_MANY_CONSECUTIVE_ERRORS');
    expect(code(400, SPEC.tooManyConsecutiveLoginFailures)).toBe('TOO_MANY_CONSECUTIVE_LOGIN_FAILURES');
    expect(code(404, SPEC.notFound)).toBe('ITEM_NOT_FOUND');
    expect(code(403, { code: 403, codeDescription: 'CLIENT_IP_NOT_ALLOWED', message: 'ip' })).toBe(
      'CLIENT_IP_NOT_ALLOWED',
    );
    expect(code(403, { code: 403, codeDescription: 'CLIENT_KEYS_UNAUTHORIZED', message: 'keys' })).toBe(
      'API_AUTH',
    );
  });

  it('recognises "already updating" with or without a codeDescription', () => {
    const bare = errorFor(400, {
      message: 'An update is already in progress, wait until the last execution ends',
      code: 400,
    });
    expect(refusalOf(bare)).toEqual({ kind: 'already_updating' });
    expect(bare.code).toBe('item_already_updating');
    const coded = errorFor(400, { codeDescription: 'ITEM_ALREADY_UPDATING', message: 'busy', code: 400 });
    expect(refusalOf(coded)).toEqual({ kind: 'already_updating' });
    expect(refusalOf(errorFor(400, { message: 'Invalid parameters', code: 400 }))).toBeNull();
  });

  it('does not call a 404 about something else "item not found"', () => {
    const account = errorFor(404, { code: 404, message: 'Account not found' }, '/accounts/9d2e');
    expect(refusalOf(account)).toBeNull();
    expect(classifyFailure(account).code).toBe('RESOURCE_NOT_FOUND');
    const mfa = errorFor(404, { code: 404, message: 'Not found' }, '/items/3f1c/mfa');
    expect(classifyFailure(mfa).code).toBe('RESOURCE_NOT_FOUND');
    const item = errorFor(404, { code: 404, message: 'Not found' }, '/items/3f1c');
    expect(classifyFailure(item).code).toBe('ITEM_NOT_FOUND');
  });

  it('survives the trip through IPC (the plain form reads the same)', () => {
    const plain = JSON.parse(
      JSON.stringify(errorFor(400, SPEC.tooManyConsecutiveLoginFailures).toAppError()),
    );
    expect(classifyFailure(plain).code).toBe('TOO_MANY_CONSECUTIVE_LOGIN_FAILURES');
  });

  it('falls back to no date when the refusal carries none', () => {
    expect(
      refusalOf(errorFor(409, { ...SPEC.conflict, data: { minUpdateFrequencyAllowedInHours: 24 } })),
    ).toEqual({ kind: 'too_frequent', allowedAt: null });
    expect(refusalOf(errorFor(400, { ...SPEC.tooManyConsecutiveLoginFailures, data: {} }))).toEqual({
      kind: 'login_backoff',
      allowedAt: null,
    });
  });
});
