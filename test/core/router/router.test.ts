import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core';
import { createRouter, type Handlers } from '../../../src/core/router/router';
import { AppError } from '../../../src/shared/errors';

// An in-memory transport: the router is called exactly as the IPC and HTTP hosts call it.
function routerWith(overrides: Partial<Handlers>, checkOutput = true) {
  // Only these two channels are called here; the router does not care how many handlers exist.
  const base: Pick<Handlers, 'app.info' | 'health.get'> = {
    'app.info': () => ({ name: 'Cofre', version: '1.2.3', mode: 'demo', host: 'test', platform: 'linux' }),
    'health.get': () => ({
      status: 'ok',
      version: '1.2.3',
      mode: 'demo',
      startedAt: new Date(0).toISOString(),
      uptimeSeconds: 1,
      nodeVersion: 'v20',
      dataDir: '/tmp/x',
      checks: [],
    }),
  };
  return createRouter({ ...base, ...overrides } as Handlers, { logger: silentLogger(), checkOutput });
}

describe('the core router', () => {
  it('answers a valid call with ok and the value', async () => {
    const result = await routerWith({})('app.info', {});
    expect(result).toEqual({
      ok: true,
      value: { name: 'Cofre', version: '1.2.3', mode: 'demo', host: 'test', platform: 'linux' },
    });
  });

  it('refuses extra keys with invalid_input and names the problem', async () => {
    const result = await routerWith({})('app.info', { evil: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(JSON.stringify(result.error.details)).toContain('evil');
  });

  it('refuses inputs of the wrong type without calling the handler', async () => {
    let called = false;
    const route = routerWith({
      'app.info': () => {
        called = true;
        throw new Error('should not run');
      },
    });
    for (const bad of ['text', 42, [1, 2], true]) {
      const result = await route('app.info', bad);
      expect(result.ok).toBe(false);
    }
    expect(called).toBe(false);
  });

  it('answers unknown_channel for a call the contract does not have', async () => {
    const result = await routerWith({})('fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const proto = await routerWith({})('__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('passes an AppError from a handler through with its code', async () => {
    const route = routerWith({
      'health.get': () => {
        throw new AppError('db_wrong_key', 'The database key is wrong.');
      },
    });
    expect(await route('health.get', {})).toMatchObject({ ok: false, error: { code: 'db_wrong_key' } });
  });

  it('turns an unexpected throw into internal without leaking its message', async () => {
    const route = routerWith({
      'health.get': () => {
        throw new Error('secret-ish stack detail');
      },
    });
    const result = await route('health.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret-ish');
  });

  it('catches a handler output that breaks the contract when checking is on', async () => {
    const route = routerWith({ 'app.info': () => ({ name: 'Other' }) as never });
    expect(await route('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
