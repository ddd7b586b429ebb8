// Every documented refusal of PATCH /items/{id} is reachable, by Pluggy's rules or an admin fault, bodies as in the spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectTokenResponse, Item } from '../../src/shared/pluggy';
import { OK, startClient, type SandboxClient } from './helpers';

const HOUR = 3_600_000;

async function advanceClock(c: SandboxClient, ms: number): Promise<void> {
  const res = await c.raw('POST', '/__sandbox/time', { body: { advanceMs: ms } });
  expect(res.status).toBe(200);
}

async function force(c: SandboxClient, itemId: string, code: string, times = 1): Promise<void> {
  const res = await c.raw('POST', '/__sandbox/refusal', { body: { itemId, code, times } });
  expect(res.status).toBe(200);
}

/** The raw JSON of a refused PATCH: the body exactly as sent. */
async function refused(c: SandboxClient, itemId: string, body: unknown = {}, key?: string) {
  const res = await c.raw('PATCH', `/items/${itemId}`, { body, ...(key ? { key } : {}) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function settled(c: SandboxClient, itemId: string): Promise<Item> {
  return (await c.waitItem(itemId)).item;
}

describe('refusals of PATCH /items/{id}', () => {
  let c: SandboxClient;
  beforeAll(async () => {
    c = await startClient({ executionMs: 30, transactionsPerAccount: 20 });
  });
  afterAll(async () => c.sandbox.close());

  it('asks a 1-step MFA item for a new token, refuses the used one, and runs with a new one', async () => {
    const created = await c.createItem({ ...OK, token: '123456' }, 1);
    expect((await settled(c, created.id)).status).toBe('UPDATED');

    const missing = await refused(c, created.id);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      message: "The parameter 'token' is required to be renewed for item update.",
      code: 400,
      codeDescription: 'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR',
      details: [{ code: '001', message: "Parameter 'token' is required", parameter: 'token' }],
      data: { parameter: 'token' },
    });

    const reused = await refused(c, created.id, { parameters: { token: '123456' } });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({
      code: 400,
      codeDescription: 'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR',
      message: 'MFA parameter has to be updated from last execution',
    });

    await c.ok(Item, 'PATCH', `/items/${created.id}`, { body: { parameters: { token: '654321' } } });
    expect((await settled(c, created.id)).executionStatus).toBe('SUCCESS');
  });

  it('backs logins off for 15 minutes after 2 login errors in a row, with the spec body', async () => {
    const created = await c.createItem({ user: 'user-bad', password: 'password-ok' });
    expect((await settled(c, created.id)).status).toBe('LOGIN_ERROR');
    await c.ok(Item, 'PATCH', `/items/${created.id}`);
    const second = await settled(c, created.id);
    expect(second.consecutiveFailedLoginAttempts).toBe(2);

    const refusal = await refused(c, created.id);
    expect(refusal.status).toBe(400);
    expect(refusal.body).toMatchObject({
      code: 400,
      codeDescription: 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
      data: { readableBackoffTime: '15 minutes', maxConsecutiveFailedLoginAttempts: 2 },
    });
    const data = refusal.body['data'] as Record<string, string>;
    expect(Date.parse(data['canRetryAfterDate']!) - Date.parse(data['lastExecutionEndedAt']!)).toBe(
      15 * 60_000,
    );
    expect(refusal.body['message']).toBe(
      `must wait at least 15 minutes after 2 consecutive login errors, last attempt was at ${data['lastExecutionEndedAt']} (can retry after: ${data['canRetryAfterDate']})`,
    );

    await advanceClock(c, 15 * 60_000);
    await c.ok(Item, 'PATCH', `/items/${created.id}`);
    await settled(c, created.id);
  });

  it('stops client refreshes after more than 5 failing syncs, but lets the user update through Connect', async () => {
    const created = await c.createItem({ user: 'user-unavailable', password: 'password-ok' });
    await settled(c, created.id);
    for (let i = 0; i < 5; i++) {
      await c.ok(Item, 'PATCH', `/items/${created.id}`);
      await settled(c, created.id);
    }
    const refusal = await refused(c, created.id);
    expect(refusal).toMatchObject({
      status: 400,
      body: {
        code: 400,
        codeDescription: 'TOO_MANY_CONSECUTIVE_ERRORS',
        message: 'There has been more than 5 failing syncronizations, please contact support',
      },
    });
    const token = await c.ok(ConnectTokenResponse, 'POST', '/connect_token', {
      body: { itemId: created.id },
    });
    const byUser = await c.raw('PATCH', `/items/${created.id}`, {
      body: { parameters: OK },
      key: token.body.accessToken,
    });
    expect(byUser.status).toBe(200);
    expect((await settled(c, created.id)).status).toBe('UPDATED');
    // A success clears the count: the client may refresh again.
    await c.ok(Item, 'PATCH', `/items/${created.id}`);
    await settled(c, created.id);
  });
});

describe('refusals forced by the admin route', () => {
  let c: SandboxClient;
  beforeAll(async () => {
    c = await startClient({ executionMs: 30, transactionsPerAccount: 20 });
  });
  afterAll(async () => c.sandbox.close());

  it('answers every forced refusal once, with its documented status and body', async () => {
    const created = await c.createItem(OK);
    const item = await settled(c, created.id);
    const cases: [string, number, string | undefined][] = [
      ['CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY', 409, 'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY'],
      ['TOO_MANY_CONSECUTIVE_ERRORS', 400, 'TOO_MANY_CONSECUTIVE_ERRORS'],
      ['TOO_MANY_CONSECUTIVE_LOGIN_FAILURES', 400, 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES'],
      ['CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR', 400, 'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR'],
      ['MFA_PARAMERTER_WAS_ALREADY_USED_ERROR', 400, 'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR'],
      ['ALREADY_UPDATING_WITHOUT_CODE', 400, undefined],
      ['CLIENT_IP_NOT_ALLOWED', 403, 'CLIENT_IP_NOT_ALLOWED'],
      ['RATE_LIMITED', 429, undefined],
    ];
    for (const [code, status, codeDescription] of cases) {
      await force(c, created.id, code);
      const answer = await refused(c, created.id);
      expect([code, answer.status, answer.body['codeDescription']]).toEqual([code, status, codeDescription]);
      expect(answer.body['code'], code).toBe(status);
      expect(typeof answer.body['message'], code).toBe('string');
    }
    await force(c, created.id, 'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY');
    expect((await refused(c, created.id)).body['data']).toEqual({
      minUpdateFrequencyAllowedInHours: 24,
      lastUpdatedAt: item.lastUpdatedAt,
    });
    await force(c, created.id, 'ALREADY_UPDATING_WITHOUT_CODE');
    expect((await refused(c, created.id)).body).toEqual({
      code: 400,
      message: 'An update is already in progress, wait until the last execution ends',
    });
    await force(c, created.id, 'RATE_LIMITED');
    expect((await refused(c, created.id)).headers.get('retry-after')).toBe('60');
    // Spent: the next PATCH runs.
    await c.ok(Item, 'PATCH', `/items/${created.id}`);
    await settled(c, created.id);
  });
});

describe('a client limited to one refresh per item every N hours', () => {
  let c: SandboxClient;
  beforeAll(async () => {
    c = await startClient({ executionMs: 30, transactionsPerAccount: 20, minUpdateFrequencyHours: 24 });
  });
  afterAll(async () => c.sandbox.close());

  it('gets 409 with minUpdateFrequencyAllowedInHours and lastUpdatedAt until the hours passed', async () => {
    const created = await c.createItem(OK);
    const item = await settled(c, created.id);
    const refusal = await refused(c, created.id);
    expect(refusal.status).toBe(409);
    expect(refusal.body).toEqual({
      code: 409,
      codeDescription: 'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY',
      message: `Client updates on this item are allowed at most every 24 hours. Last update was at ${item.lastUpdatedAt}`,
      data: { minUpdateFrequencyAllowedInHours: 24, lastUpdatedAt: item.lastUpdatedAt },
    });
    await advanceClock(c, 24 * HOUR);
    await c.login();
    await c.ok(Item, 'PATCH', `/items/${created.id}`);
    await settled(c, created.id);
  });
});
