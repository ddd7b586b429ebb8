import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../../../src/shared/errors';
import {
  PluggyAuthError,
  PluggyBadPayloadError,
  PluggyDeprecatedEndpointError,
  PluggyNetworkError,
  PluggyNotFoundError,
  PluggyRateLimitError,
  PluggyValidationError,
  errorClassForStatus,
  isPluggyApiError,
  isPluggyAuthError,
  isPluggyDeprecatedEndpointError,
  isPluggyRateLimitError,
  isPluggyValidationError,
  pluggyErrorOf,
} from '../../../src/core/pluggy/errors';

const base = { method: 'GET', path: '/items/abc' };

describe('Pluggy errors', () => {
  it('have literal names and map to AppError codes', () => {
    const cases = [
      [new PluggyAuthError({ ...base, status: 401, message: 'm' }), 'PluggyAuthError', 'pluggy_auth'],
      [
        new PluggyRateLimitError({ ...base, status: 429, message: 'm' }),
        'PluggyRateLimitError',
        'pluggy_rate_limited',
      ],
      [
        new PluggyNotFoundError({ ...base, status: 404, message: 'm' }),
        'PluggyNotFoundError',
        'pluggy_not_found',
      ],
      [
        new PluggyDeprecatedEndpointError({ ...base, status: 410, message: 'm' }),
        'PluggyDeprecatedEndpointError',
        'pluggy_deprecated',
      ],
      [
        new PluggyValidationError({ ...base, status: 400, message: 'm' }),
        'PluggyValidationError',
        'pluggy_validation',
      ],
      [
        new PluggyNetworkError({ ...base, status: null, message: 'm' }),
        'PluggyNetworkError',
        'pluggy_network',
      ],
      [
        new PluggyBadPayloadError({ ...base, status: 200, message: 'm' }),
        'PluggyBadPayloadError',
        'pluggy_bad_payload',
      ],
    ] as const;
    for (const [error, name, code] of cases) {
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
      expect(error.messageKey).toBe(`errors.${code}`);
      expect(isPluggyApiError(error)).toBe(true);
    }
    const updating = new PluggyValidationError({
      ...base,
      status: 400,
      message: 'm',
      codeDescription: 'ITEM_ALREADY_UPDATING',
    });
    expect(updating.code).toBe('item_already_updating');
  });

  it('are recognised by their guards after JSON and structured clone (IPC)', () => {
    const error = new PluggyRateLimitError({
      ...base,
      status: 429,
      message: 'slow down',
      retryAfterMs: 60_000,
    });
    const viaJson: unknown = JSON.parse(JSON.stringify(error));
    const viaClone: unknown = structuredClone(error.toJSON());
    for (const form of [error, viaJson, viaClone]) {
      expect(isPluggyRateLimitError(form)).toBe(true);
      expect(isPluggyAuthError(form)).toBe(false);
      expect(isPluggyApiError(form)).toBe(true);
    }
    expect(viaJson).toMatchObject({
      name: 'PluggyRateLimitError',
      code: 'pluggy_rate_limited',
      retryAfterMs: 60_000,
      status: 429,
    });
    expect(isPluggyApiError(new Error('x'))).toBe(false);
    expect(isPluggyApiError({ name: 'Error' })).toBe(false);
    expect(isPluggyApiError(null)).toBe(false);
  });

  it('become an AppError whose plain form still carries the Pluggy error', () => {
    const error = new PluggyDeprecatedEndpointError({
      ...base,
      status: 410,
      message: 'gone',
      codeDescription: 'ENDPOINT_DEPRECATED',
      errorId: 'e-1',
    });
    const app = error.toAppError();
    expect(app).toBeInstanceOf(AppError);
    expect(app.code).toBe('pluggy_deprecated');
    expect(app.cause).toBe(error);
    const wire: unknown = JSON.parse(JSON.stringify(app));
    expect(isAppError(wire)).toBe(true);
    const inner = pluggyErrorOf(wire);
    expect(inner && isPluggyDeprecatedEndpointError(inner)).toBe(true);
    expect(inner).toMatchObject({
      message: 'gone',
      codeDescription: 'ENDPOINT_DEPRECATED',
      errorId: 'e-1',
      status: 410,
    });
    expect(pluggyErrorOf(AppError.fromData(app.toJSON()))?.name).toBe('PluggyDeprecatedEndpointError');
    expect(pluggyErrorOf(new AppError('internal', 'x'))).toBeUndefined();
  });

  it('pick their class from the HTTP status and scrub tokens from messages', () => {
    expect(errorClassForStatus(401)).toBe(PluggyAuthError);
    expect(errorClassForStatus(403)).toBe(PluggyAuthError);
    expect(errorClassForStatus(422)).toBe(PluggyValidationError);
    expect(errorClassForStatus(503).name).toBe('PluggyApiError');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLWhlcmU';
    const error = new PluggyAuthError({ ...base, status: 401, message: `bad key ${jwt}` });
    expect(error.message).not.toContain(jwt);
    expect(isPluggyValidationError(error)).toBe(false);
  });
});
