// The support report carries states and versions, never full item ids, user folder names or secrets.
import { describe, expect, it } from 'vitest';
import type { Connection, Health } from '../../src/shared/contract';
import { buildSupportReport } from '../../src/renderer/screens/diagnostics/support-report';

const itemId = '7f42cc21-5f5e-4f0b-9d6e-1a2b3c4d5e6f';
const health: Health = {
  status: 'ok',
  version: '0.1.0',
  mode: 'demo',
  startedAt: '2026-01-01T10:00:00.000Z',
  uptimeSeconds: 12,
  nodeVersion: 'v20.20.2',
  dataDir: '/home/maria/.config/cofre',
  checks: [
    {
      name: 'dataDir',
      ok: true,
      messageKey: 'dataDir.writable',
      messageParams: {},
      detail: '/home/maria/.config/cofre',
    },
  ],
};
const connection = {
  itemId,
  name: 'Pluggy Bank',
  nickname: null,
  accounts: [],
  ownerFirstName: null,
  connector: {
    id: 0,
    name: 'Pluggy Bank',
    imageUrl: null,
    primaryColor: null,
    isOpenFinance: false,
    institutionUrl: null,
  },
  status: 'LOGIN_ERROR',
  executionStatus: 'ACCOUNT_LOCKED',
  severity: 'error',
  messageKey: 'status.ACCOUNT_LOCKED',
  messageParams: { bank: 'Pluggy Bank' },
  providerMessage: null,
  action: 'contact_bank',
  lastSyncedAt: null,
  nextAutoSyncAt: null,
  nextRetryAt: null,
  refreshBlockedUntil: null,
  consentExpiresAt: null,
  consecutiveFailures: 2,
  stale: false,
  syncing: false,
  archived: false,
  accountCount: 0,
  mfa: null,
  userAction: null,
} satisfies Connection;

describe('buildSupportReport', () => {
  it('names each link by bank and state, with a shortened item id and no home folder', () => {
    const report = buildSupportReport({
      health,
      connections: [connection],
      runs: [],
      now: new Date('2026-01-01T10:00:12.000Z'),
    });
    expect(report).toContain('Pluggy Bank (connector 0, item 7f42cc21…): LOGIN_ERROR/ACCOUNT_LOCKED');
    expect(report).toContain('failures 2');
    expect(report).not.toContain(itemId);
    expect(report).not.toContain('maria');
    expect(report).toContain('~/.config/cofre');
  });
});
