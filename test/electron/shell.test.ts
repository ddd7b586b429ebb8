// The whole shell composed against the fake Electron: demo core, protocol, window, IPC, tray, notifications.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/shared/contract';
import { invokeChannel } from '../../electron/ipc-names';
import { tempDir } from '../helpers/temp-dir';
import { FakeSafeStorage } from './fake-safe-storage';

vi.mock('electron', async () => ({
  ...(await import('./fake-electron')),
  safeStorage: new FakeSafeStorage(),
}));
// electron-store is loaded by Node, not vite, so its own `import 'electron'` escapes the mock above: use
// conf (the engine it wraps) the way electron-store configures it.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class Store extends Conf<Record<string, unknown>> {
    constructor(options: { name?: string } & Record<string, unknown>) {
      super({
        ...options,
        configName: options.name ?? 'config',
        projectName: 'cofre-test',
        projectVersion: '0.1.0',
      });
    }
  }
  return { default: Store };
});

const fake = await import('./fake-electron');
const root = tempDir('cofre-shell-');

describe('the composed shell (fake Electron, real core in demo mode)', () => {
  beforeAll(async () => {
    vi.stubEnv('COFRE_DATA_DIR', join(root, 'data'));
    vi.stubEnv('PLUGGY_CLIENT_ID', '');
    vi.stubEnv('PLUGGY_CLIENT_SECRET', '');
    fake.app.userData = join(root, 'userData');
    mkdirSync(join(root, 'icons'));
    writeFileSync(join(root, 'icons', 'tray.png'), 'png');
    const { runShell } = await import('../../electron/main/shell');
    await runShell({
      preload: '/out/preload/index.cjs',
      promptPreload: '/out/preload/passphrase.cjs',
      rendererDir: join(root, 'renderer'),
      iconsDir: join(root, 'icons'),
    });
  });
  afterAll(async () => {
    fake.fire(fake.app, 'before-quit');
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled(), { timeout: 15_000 });
    vi.unstubAllEnvs();
  });

  const window = () => fake.FakeBrowserWindow.created.at(-1)!;

  it('opens one hardened window on app://cofre', () => {
    expect(fake.FakeBrowserWindow.created).toHaveLength(1);
    expect(window().options['webPreferences']).toMatchObject({
      preload: '/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window().loaded).toEqual(['app://cofre/index.html']);
  });

  it('binds every contract channel', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map(invokeChannel).sort());
  });

  it('serves the page with the demo CSP that frames only the sandbox', async () => {
    const handler = fake.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://cofre/__shell/passphrase.html'));
    expect(page.headers.get('content-security-policy')).toMatch(
      /frame-src 'self' http:\/\/127\.0\.0\.1:\d+;/,
    );
  });

  it('denies every permission and guards navigation', () => {
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(window().webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
  });

  it('registers the cofre:// protocol and brings the window forward on a valid redirect', async () => {
    expect(fake.app.setAsDefaultProtocolClient).toHaveBeenCalled();
    const sent = window().webContents.sent.length;
    fake.app.emit('second-instance', {}, ['cofre', 'cofre://oauth/callback']);
    fake.app.emit('second-instance', {}, ['cofre', 'cofre://evil/']);
    const events = window()
      .webContents.sent.slice(sent)
      .map((m) => m[1]);
    expect(events).toEqual(['connections.changed']);
  });

  it('shows a tray with Sync now, the last sync and Quit, and closing the window only hides it', async () => {
    expect(fake.Tray.created).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const labels = (fake.Tray.created[0]!.menu as { label?: string }[]).map((m) => m.label);
    expect(labels).toEqual([
      'Abrir o Cofre',
      'Sincronizar agora',
      'Ainda não sincronizado',
      undefined,
      'Sair',
    ]);
    window().show();
    const close = fake.fire(window(), 'close');
    expect(close.defaultPrevented).toBe(true);
    expect(window().visible).toBe(false);
  });

  it('runs the resume check on powerMonitor resume', () => {
    expect(fake.powerMonitor.listenerCount('resume')).toBe(1);
  });
});
