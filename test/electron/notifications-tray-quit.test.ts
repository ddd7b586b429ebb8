import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/core';
import { createEventBus } from '../../src/core/events/event-bus';
import type { Connection, NoticeView } from '../../src/shared/contract';
import { installGracefulQuit, withDeadline } from '../../electron/main/graceful-quit';
import {
  noticeBody,
  notificationsSetting,
  showNoticesAsOsNotifications,
} from '../../electron/main/os-notifications';
import { shellLanguage, shellText } from '../../electron/main/shell-text';
import { lastSyncAt, trayMenuTemplate } from '../../electron/main/tray';
import { silentLogger } from '../../src/core';

const notice = (over: Partial<NoticeView> = {}): NoticeView => ({
  id: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  level: 'warning',
  kind: 'action_needed',
  connectionId: 'c1',
  messageKey: 'status.login_error',
  params: { bank: 'Banco Azul', code: 'INVALID_CREDENTIALS' },
  dismissedAt: null,
  ...over,
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('OS notifications from core notices', () => {
  const text = shellText('en');

  it('say which bank needs attention, and nothing more', () => {
    expect(noticeBody(notice(), text)).toBe('Banco Azul needs your attention.');
    expect(
      noticeBody(notice({ kind: 'repeated_failures', params: { bank: 'X', failures: '4' } }), text),
    ).toBe('Syncing X failed 4 times in a row.');
    expect(noticeBody(notice({ kind: 'other', params: {} }), text)).toBe('There is a new notice in Cofre.');
    expect(noticeBody(notice(), shellText(shellLanguage('pt-BR')))).toBe(
      'Banco Azul precisa da sua atenção.',
    );
  });

  it('show one per notices.new while the setting is on, none when off', async () => {
    const events = createEventBus();
    const show = vi.fn();
    let enabled = true;
    showNoticesAsOsNotifications(
      { events },
      {
        supported: () => true,
        show,
        enabled: async () => enabled,
        focusWindow: vi.fn(),
        text,
        onError: vi.fn(),
      },
    );
    events.emit('notices.new', notice());
    await settle();
    enabled = false;
    events.emit('notices.new', notice({ id: 2 }));
    await settle();
    expect(show.mock.calls.map((c) => c[0])).toEqual([
      { title: 'Cofre', body: 'Banco Azul needs your attention.' },
    ]);
  });

  it('read the setting through the core router, defaulting to on', async () => {
    const settings = {
      pluggy: { clientId: null, clientSecretSet: false },
      demoMode: true,
      relay: { url: null, paired: false },
      syncIntervalMinutes: 60,
      notifications: false,
      restartRequired: false,
    };
    const handle = vi.fn(async () => ({ ok: true as const, value: settings }));
    expect(await notificationsSetting({ handle } as unknown as Pick<Core, 'handle'>)()).toBe(false);
    const failing = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'internal', messageKey: '', message: '' },
    }));
    expect(await notificationsSetting({ handle: failing } as unknown as Pick<Core, 'handle'>)()).toBe(true);
  });
});

describe('the tray menu', () => {
  it('offers Open, Sync now, the last sync time and Quit', () => {
    const actions = { open: vi.fn(), syncNow: vi.fn(), quit: vi.fn() };
    const menu = trayMenuTemplate(shellText('en'), '2025-03-04T05:06:07.000Z', (iso) => `at ${iso}`, actions);
    expect(menu.map((m) => m.label ?? m.type)).toEqual([
      'Open Cofre',
      'Sync now',
      'Last sync: at 2025-03-04T05:06:07.000Z',
      'separator',
      'Quit',
    ]);
    expect(menu[2]?.enabled).toBe(false);
    (menu[1]?.click as () => void)();
    (menu[4]?.click as () => void)();
    expect(actions.syncNow).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
    expect(trayMenuTemplate(shellText('en'), null, String, actions)[2]?.label).toBe('Not synced yet');
  });

  it('takes the newest sync over all connections', async () => {
    const row = (lastSyncedAt: string | null): Connection => ({
      itemId: 'i',
      name: 'B',
      nickname: null,
      accounts: [],
      ownerFirstName: null,
      connector: {
        id: 1,
        name: 'B',
        imageUrl: null,
        primaryColor: null,
        isOpenFinance: true,
        institutionUrl: null,
      },
      status: 'UPDATED',
      executionStatus: 'SUCCESS',
      severity: 'ok',
      messageKey: 'k',
      messageParams: {},
      providerMessage: null,
      action: 'none',
      lastSyncedAt,
      nextAutoSyncAt: null,
      nextRetryAt: null,
      refreshBlockedUntil: null,
      consentExpiresAt: null,
      consecutiveFailures: 0,
      stale: false,
      syncing: false,
      archived: false,
      accountCount: 1,
      mfa: null,
      userAction: null,
    });
    const rows = [row('2025-01-01T00:00:00.000Z'), row(null), row('2025-02-01T00:00:00.000Z')];
    const handle = vi.fn(async () => ({ ok: true as const, value: rows }));
    expect(await lastSyncAt({ handle } as unknown as Pick<Core, 'handle'>)).toBe('2025-02-01T00:00:00.000Z');
  });
});

describe('graceful quit', () => {
  function fakeApp() {
    let listener: ((event: { preventDefault(): void }) => void) | undefined;
    const app = {
      on: (_name: 'before-quit', l: (event: { preventDefault(): void }) => void) => {
        listener = l;
      },
      quit: vi.fn(() => {
        const event = { prevented: false, preventDefault: () => (event.prevented = true) };
        listener?.(event);
        return event.prevented;
      }),
    };
    const requestQuit = () => {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      listener?.(event);
      return event.prevented;
    };
    return { app, requestQuit };
  }

  it('holds the quit until the core has closed, then quits once', async () => {
    const { app, requestQuit } = fakeApp();
    let finish: () => void = () => undefined;
    const closeAll = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    installGracefulQuit(app, closeAll, silentLogger(), 5_000);
    expect(requestQuit()).toBe(true);
    expect(requestQuit()).toBe(true); // a second Quit while closing waits too
    expect(closeAll).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await settle();
    await settle();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.quit.mock.results[0]?.value).toBe(false); // the final quit goes through
  });

  it('quits at the deadline when a sync does not end', async () => {
    vi.useFakeTimers();
    try {
      const { app, requestQuit } = fakeApp();
      installGracefulQuit(app, () => new Promise<void>(() => undefined), silentLogger(), 1_000);
      requestQuit();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(app.quit).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports whether the work or the deadline came first', async () => {
    expect(await withDeadline(Promise.resolve(), 1_000)).toBe('done');
    expect(await withDeadline(new Promise(() => undefined), 5)).toBe('deadline');
  });
});
