// Item lifecycle over time: every sandbox username, both MFA styles, timeouts, ITEM_ALREADY_UPDATING, PATCH limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, DeleteItemResponse, Item, Page } from '../../src/shared/pluggy';
import { SandboxTruthSummary } from '../../src/sandbox';
import { OK, startClient, type SandboxClient } from './helpers';

const USERNAMES: [string, string, string][] = [
  ['user-ok', 'UPDATED', 'SUCCESS'],
  ['user-logged', 'OUTDATED', 'ALREADY_LOGGED_IN'],
  ['user-locked', 'LOGIN_ERROR', 'ACCOUNT_LOCKED'],
  ['user-error', 'OUTDATED', 'UNEXPECTED_ERROR'],
  ['user-unavailable', 'OUTDATED', 'SITE_NOT_AVAILABLE'],
  ['user-account-need-actions', 'LOGIN_ERROR', 'ACCOUNT_NEEDS_ACTION'],
  ['user-account-need-actions-provider-message', 'LOGIN_ERROR', 'ACCOUNT_NEEDS_ACTION'],
  ['user-connection-error', 'OUTDATED', 'CONNECTION_ERROR'],
  ['user-ok-account-error', 'UPDATED', 'PARTIAL_SUCCESS'],
  ['user-ok-account-warning', 'UPDATED', 'SUCCESS'],
  ['user-account-credentials-reset', 'LOGIN_ERROR', 'ACCOUNT_CREDENTIALS_RESET'],
  ['user-not-supported', 'LOGIN_ERROR', 'USER_NOT_SUPPORTED'],
  ['user-ok-auth-pending', 'OUTDATED', 'USER_AUTHORIZATION_PENDING'],
  ['user-bad', 'LOGIN_ERROR', 'INVALID_CREDENTIALS'],
  ['user-ok-perf-3', 'UPDATED', 'SUCCESS'],
];

describe('sandbox items', () => {
  let c: SandboxClient;
  beforeAll(async () => {
    c = await startClient({ executionMs: 40, mfaTimeoutMs: 150, transactionsPerAccount: 50 });
  });
  afterAll(async () => c.sandbox.close());

  it.each(USERNAMES)('%s ends as %s / %s', async (user, status, executionStatus) => {
    const created = await c.createItem({ user, password: 'password-ok' });
    expect(created.status).toBe('UPDATING');
    const { item } = await c.waitItem(created.id);
    expect([item.status, item.executionStatus]).toEqual([status, executionStatus]);
    if (status !== 'UPDATED') {
      expect(item.error?.code).toBe(executionStatus);
      if (user.endsWith('provider-message')) expect(item.error?.providerMessage).toBeTruthy();
    } else expect(item.error ?? null).toBeNull();
    if (user === 'user-ok-account-error') expect(item.statusDetail?.accounts?.isUpdated).toBe(false);
    if (user === 'user-ok-account-warning')
      expect(item.statusDetail?.transactions?.warnings?.length).toBeGreaterThan(0);
  });

  it('a wrong password is INVALID_CREDENTIALS whatever the user', async () => {
    const { item } = await c.waitItem((await c.createItem({ user: 'user-ok', password: 'password-bad' })).id);
    expect(item.executionStatus).toBe('INVALID_CREDENTIALS');
  });

  it('walks through the documented execution statuses to MERGING and then SUCCESS', async () => {
    const slow = await startClient({ executionMs: 600 });
    try {
      const { seen } = await slow.waitItem((await slow.createItem(OK)).id);
      for (const step of [
        'UPDATING/LOGIN_IN_PROGRESS',
        'UPDATING/ACCOUNTS_IN_PROGRESS',
        'UPDATING/TRANSACTIONS_IN_PROGRESS',
        'UPDATED/SUCCESS',
      ]) {
        expect(seen).toContain(step);
      }
      expect(seen.some((s) => s.startsWith('MERGING/'))).toBe(true);
    } finally {
      await slow.sandbox.close();
    }
  });

  it('user-ok-perf-N multiplies the data', async () => {
    const { item } = await c.waitItem(
      (await c.createItem({ user: 'user-ok-perf-3', password: 'password-ok' })).id,
    );
    const summary = (await c.ok(SandboxTruthSummary, 'GET', `/__sandbox/truth/summary?itemId=${item.id}`))
      .body;
    const checking = summary.accounts.find((a) => a.account.subtype === 'CHECKING_ACCOUNT');
    expect(checking?.transactionCount).toBe(150);
    const accounts = (await c.ok(Page(Account), 'GET', `/accounts?itemId=${item.id}`)).body.results;
    expect(accounts.map((a) => a.subtype).sort()).toEqual([
      'CHECKING_ACCOUNT',
      'CREDIT_CARD',
      'SAVINGS_ACCOUNT',
    ]);
  });

  it('MFA 1-step: token 123456 with the credentials succeeds, a wrong one gives INVALID_CREDENTIALS_MFA', async () => {
    const good = await c.waitItem((await c.createItem({ ...OK, token: '123456' }, 1)).id);
    expect(good.item.executionStatus).toBe('SUCCESS');
    const bad = await c.waitItem((await c.createItem({ ...OK, token: '000000' }, 1)).id);
    expect([bad.item.status, bad.item.executionStatus]).toEqual(['LOGIN_ERROR', 'INVALID_CREDENTIALS_MFA']);
  });

  it('MFA 2-step: waits with a parameter prompt, then accepts 123456', async () => {
    const created = await c.createItem(OK, 3);
    const waiting = await c.waitItem(created.id, (i) => i.status === 'WAITING_USER_INPUT');
    expect(waiting.item.executionStatus).toBe('WAITING_USER_INPUT');
    expect(waiting.item.parameter?.name).toBe('token');
    expect(waiting.item.parameter?.expiresAt).toBeTruthy();
    await c.ok(Item, 'POST', `/items/${created.id}/mfa`, { body: { token: '123456' } });
    expect((await c.waitItem(created.id)).item.executionStatus).toBe('SUCCESS');
  });

  it('MFA 2-step: a wrong token gives INVALID_CREDENTIALS_MFA; no answer gives USER_INPUT_TIMEOUT', async () => {
    const wrong = await c.createItem(OK, 3);
    await c.waitItem(wrong.id, (i) => i.status === 'WAITING_USER_INPUT');
    await c.ok(Item, 'POST', `/items/${wrong.id}/mfa`, { body: { token: '999999' } });
    expect(
      (await c.waitItem(wrong.id, (i) => i.status !== 'WAITING_USER_INPUT' && i.status !== 'UPDATING')).item
        .executionStatus,
    ).toBe('INVALID_CREDENTIALS_MFA');
    const silent = await c.createItem(OK, 3);
    await c.waitItem(silent.id, (i) => i.status === 'WAITING_USER_INPUT');
    const { item } = await c.waitItem(
      silent.id,
      (i) => i.status !== 'WAITING_USER_INPUT' && i.status !== 'UPDATING',
    );
    expect([item.status, item.executionStatus]).toEqual(['OUTDATED', 'USER_INPUT_TIMEOUT']);
    expect((await c.fail('POST', `/items/${silent.id}/mfa`, { body: { token: '123456' } })).status).toBe(400);
  });

  it('PATCH re-syncs, refuses ITEM_ALREADY_UPDATING while running, and fixes a LOGIN_ERROR with new credentials', async () => {
    const created = await c.createItem({ user: 'user-bad', password: 'password-ok' });
    expect((await c.fail('PATCH', `/items/${created.id}`, { body: {} })).body.codeDescription).toBe(
      'ITEM_ALREADY_UPDATING',
    );
    expect((await c.waitItem(created.id)).item.status).toBe('LOGIN_ERROR');
    const patched = await c.ok(Item, 'PATCH', `/items/${created.id}`, { body: { parameters: OK } });
    expect(patched.body.status).toBe('UPDATING');
    expect((await c.waitItem(created.id)).item.executionStatus).toBe('SUCCESS');
    // An empty body (no JSON at all) re-syncs with the stored credentials.
    await c.ok(Item, 'PATCH', `/items/${created.id}`, { rawBody: '' });
    expect((await c.waitItem(created.id)).item.executionStatus).toBe('SUCCESS');
  });

  it('DELETE answers {count} and the item is gone', async () => {
    const created = await c.createItem(OK);
    expect((await c.ok(DeleteItemResponse, 'DELETE', `/items/${created.id}`)).body.count).toBe(1);
    expect((await c.fail('GET', `/items/${created.id}`)).status).toBe(404);
  });

  it('limits PATCH /items/{id} to 20 per minute with 429, Retry-After and RateLimit-Reset', async () => {
    const limited = await startClient({ executionMs: 0 });
    try {
      const item = await limited.createItem(OK);
      await limited.waitItem(item.id);
      let last: Response | undefined;
      for (let i = 0; i < 21; i++) {
        await limited.waitItem(item.id);
        last = await limited.raw('PATCH', `/items/${item.id}`, { body: {} });
        if (i < 20) expect(last.status).toBe(200);
        await last.arrayBuffer();
      }
      const reply = await limited.fail('PATCH', `/items/${item.id}`, { body: {} });
      expect(reply.status).toBe(429);
      expect(reply.headers.get('retry-after')).toBe('60');
      expect(Number(reply.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      expect(reply.headers.get('ratelimit-limit')).toBe('20');
      expect(reply.body.message).toMatch(/Too many requests/);
    } finally {
      await limited.sandbox.close();
    }
  });
});
