import { describe, expect, it } from 'vitest';
import { AppError, hasErrorCode, isAppError } from '../../../src/shared/errors';

describe('AppError', () => {
  const error = new AppError('db_wrong_key', 'The database key is wrong.', { details: { file: 'x.db' } });

  it('is recognised as an instance', () => {
    expect(isAppError(error)).toBe(true);
    expect(error.messageKey).toBe('errors.db_wrong_key');
  });

  it('is still recognised after structured clone (Electron IPC) and JSON (HTTP)', () => {
    const cloned: unknown = structuredClone(error.toJSON());
    const viaJson: unknown = JSON.parse(JSON.stringify(error));
    expect(isAppError(cloned)).toBe(true);
    expect(isAppError(viaJson)).toBe(true);
    expect(hasErrorCode(viaJson, 'db_wrong_key')).toBe(true);
    expect(AppError.fromData(viaJson as never).code).toBe('db_wrong_key');
  });

  it('refuses look-alikes with an unknown code or missing fields', () => {
    expect(isAppError({ code: 'nope', messageKey: 'x', message: 'y' })).toBe(false);
    expect(isAppError({ code: 'internal' })).toBe(false);
    expect(isAppError(new Error('plain'))).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});
