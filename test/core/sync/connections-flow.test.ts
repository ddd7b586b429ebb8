import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  statusMessagesEn,
  statusMessagesPtBR,
  interpolate,
} from '../../../src/shared/messages/status-messages';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';
import { waitFor } from '../../helpers/wait-for';
import { connectTokenOf } from '../../../src/host/connect-token';

let world: CoreWorld;
beforeAll(async () => {
  world = await startCoreWorld({ sandbox: { transactionsPerAccount: 120 } });
});
afterAll(() => world.close());

const message = (lang: 'pt' | 'en', key: string, params: Record<string, string>) => {
  const catalog = (lang === 'pt' ? statusMessagesPtBR : statusMessagesEn).status as Record<string, string>;
  return interpolate(catalog[key.replace(/^status\./, '')]!, params);
};

// Every sandbox username and what the user must see: the status, the one action, the message.
const CASES = [
  {
    user: 'user-ok',
    code: 'SUCCESS',
    action: 'none',
    severity: 'ok',
    pt: 'Tudo certo com',
    en: 'All good with',
  },
  {
    user: 'user-logged',
    code: 'ALREADY_LOGGED_IN',
    action: 'logout_other_session',
    severity: 'warning',
    pt: 'outra sessão',
    en: 'Another session',
  },
  {
    user: 'user-locked',
    code: 'ACCOUNT_LOCKED',
    action: 'contact_bank',
    severity: 'error',
    pt: 'está bloqueada',
    en: 'is locked',
  },
  {
    user: 'user-error',
    code: 'UNEXPECTED_ERROR',
    action: 'wait_retry',
    severity: 'warning',
    pt: 'erro inesperado',
    en: 'unexpected error',
  },
  {
    user: 'user-unavailable',
    code: 'SITE_NOT_AVAILABLE',
    action: 'wait_retry',
    severity: 'warning',
    pt: 'está fora do ar',
    en: 'is down',
  },
  {
    user: 'user-account-need-actions',
    code: 'ACCOUNT_NEEDS_ACTION',
    action: 'act_at_bank',
    severity: 'error',
    pt: 'precisa que você',
    en: 'needs you to',
  },
  {
    user: 'user-connection-error',
    code: 'CONNECTION_ERROR',
    action: 'wait_retry',
    severity: 'warning',
    pt: 'Falha de comunicação',
    en: 'Communication with',
  },
  {
    user: 'user-ok-account-error',
    code: 'PARTIAL_SUCCESS',
    action: 'wait_retry',
    severity: 'warning',
    pt: 'só parte dos dados',
    en: 'only part of the data',
  },
  {
    user: 'user-account-credentials-reset',
    code: 'ACCOUNT_CREDENTIALS_RESET',
    // Changing the password happens at the bank; the fix Cofre offers is reconnecting with the new one.
    action: 'reconnect',
    severity: 'error',
    pt: 'troque sua senha',
    en: 'change your password',
  },
  {
    user: 'user-not-supported',
    code: 'USER_NOT_SUPPORTED',
    action: 'use_other_connector',
    severity: 'error',
    pt: 'não é suportado',
    en: 'is not supported',
  },
  {
    user: 'user-bad',
    code: 'INVALID_CREDENTIALS',
    action: 'reconnect',
    severity: 'error',
    pt: 'não foi aceita',
    en: 'did not accept',
  },
] as const;

describe('connecting each sandbox user through the contract', () => {
  it.each(CASES)('$user → $code, action $action, message in pt-BR and en', async (c) => {
    const itemId = await world.connect(c.user);
    const view = await world.settle(itemId);
    expect(view).toMatchObject({ severity: c.severity, action: c.action, messageKey: `status.${c.code}` });
    expect(message('pt', view.messageKey, view.messageParams)).toContain(c.pt);
    expect(message('en', view.messageKey, view.messageParams)).toContain(c.en);
    expect(message('pt', view.messageKey, view.messageParams)).toContain(view.connector.name);
  });

  it('completes a 2-step MFA through connections.submitMfa', async () => {
    const itemId = await world.connect('user-ok', 3);
    let view = await waitFor(async () => {
      const v = (await world.call('connections.list', {})).find((c) => c.itemId === itemId)!;
      return v.status === 'WAITING_USER_INPUT' ? v : null;
    });
    expect(view).toMatchObject({ action: 'answer_mfa' });
    expect(view.mfa?.name).toBeTruthy();
    await world.call('connections.submitMfa', { itemId, values: { [view.mfa!.name]: '123456' } });
    view = await waitFor(async () => {
      const v = (await world.call('connections.list', {})).find((c) => c.itemId === itemId)!;
      return v.status === 'UPDATED' && !v.syncing ? v : null;
    });
    expect(view).toMatchObject({ severity: 'ok', accountCount: expect.any(Number) });
    expect(view.accountCount).toBeGreaterThan(0);
    const page = await world.call('transactions.page', { filter: {}, limit: 10 });
    expect(page.rows.length).toBeGreaterThan(0);
  });

  it('never writes the connect token, the MFA answer or a secret into the audit log', async () => {
    const answer = await world.call('connections.connectToken', {});
    expect(answer.kind).toBe('frame');
    const token = { accessToken: connectTokenOf(world.core, answer) };
    const exported = await world.call('audit.export', { format: 'jsonl', filter: {} });
    expect(exported.rows).toBeGreaterThan(0);
    for (const secret of [token.accessToken, world.sandbox.clientSecret, '123456']) {
      expect(exported.content).not.toContain(secret);
    }
    expect((await world.call('audit.verify', {})).ok).toBe(true);
  });
});
