// The desktop shell's composition: key store, core, protocol, window, IPC, tray, notifications, quit.
import { join } from 'node:path';
import {
  app,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
  type BrowserWindow,
} from 'electron';
import { createLogger, createStartupGate, defaultDataDir, ensureDataDir, type Core } from '../../src/core';
import { Connection } from '../../src/shared/contract';
import { APP_SCHEME } from './app-origin';
import { prepareElectronCore } from './core-composition';
import { contentSecurityPolicy, loopbackOrigin, type CspOptions } from './csp';
import { siteHost } from './external-links';
import { installGracefulQuit } from './graceful-quit';
import { bindContract, forwardEvents } from './ipc-binding';
import { recoveryDialog } from './keystore-dialog';
import { openKeyStore } from './keystore-setup';
import { bringForward, createMainWindow } from './main-window';
import { denyAllPermissions, type NavigationGuardDeps } from './navigation-guards';
import { OAUTH_SCHEME, parseOAuthRedirect, redirectFromArgv } from './oauth-redirect';
import { notificationsSetting, showNoticesAsOsNotifications } from './os-notifications';
import {
  passphraseHtml,
  PASSPHRASE_PAGE_PATH,
  PASSPHRASE_SCRIPT,
  PASSPHRASE_SCRIPT_PATH,
} from './passphrase-page';
import { askPassphraseInWindow } from './passphrase-prompt';
import { openPrefs } from './prefs-store';
import { rendererRequestHandler } from './renderer-protocol';
import { shellLanguage, shellText } from './shell-text';
import { lastSyncAt, syncAll, trayMenuTemplate } from './tray';

export interface ShellPaths {
  preload: string;
  promptPreload: string;
  rendererDir: string;
  iconsDir: string;
}

/** Where the built files are, next to out/main (and in the asar when packaged). */
export function shellPaths(mainDir: string, packaged: boolean, resourcesPath: string): ShellPaths {
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    promptPreload: join(mainDir, '../preload/passphrase.cjs'),
    rendererDir: join(mainDir, '../renderer'),
    iconsDir: packaged ? join(resourcesPath, 'icons') : join(mainDir, '../../resources/icons'),
  };
}

export async function runShell(files: ShellPaths): Promise<void> {
  const paths = ensureDataDir(defaultDataDir());
  const logger = createLogger({ file: join(paths.logsDir, 'cofre.log') });
  // macOS hands cofre:// URLs over before 'ready'; they wait here until the window exists.
  let pendingRedirect: string | null = redirectFromArgv(process.argv);
  let window: BrowserWindow | null = null;
  let onRedirect = (url: string) => {
    pendingRedirect = url;
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    onRedirect(url);
  });
  app.on('second-instance', (_event, argv) => {
    const url = redirectFromArgv(argv);
    if (url) onRedirect(url);
    bringForward(window);
  });

  await app.whenReady();
  const text = shellText(shellLanguage(app.getLocale()));
  let csp: CspOptions = { mode: 'demo', demoConnectOrigin: null };
  // The core starts after the protocol is registered; until then no Connect session exists.
  let openConnectFrame: (id: string) => string | null = () => null;
  let promptWrong = false;
  protocol.handle(
    APP_SCHEME,
    rendererRequestHandler({
      rendererDir: files.rendererDir,
      csp: () => contentSecurityPolicy(csp),
      virtualFile: (path) => {
        if (path === PASSPHRASE_PAGE_PATH) {
          return {
            type: 'text/html; charset=utf-8',
            body: passphraseHtml(text, promptWrong, app.getLocale()),
          };
        }
        if (path === PASSPHRASE_SCRIPT_PATH)
          return { type: 'text/javascript; charset=utf-8', body: PASSPHRASE_SCRIPT };
        return null;
      },
      connectFrame: (id) => openConnectFrame(id),
    }),
  );
  denyAllPermissions(session.defaultSession);
  const prefs = openPrefs(app.getPath('userData'), logger);

  const keyStore = await openKeyStore({
    paths,
    safeStorage,
    mode: () => prefs.get('keystore'),
    setMode: (mode) => prefs.set('keystore', mode),
    askRecovery: async (problem) => {
      logger.warn({ problem }, 'key store problem');
      const { options, actionAt } = recoveryDialog(problem, text, paths.root);
      return actionAt((await dialog.showMessageBox(options)).response);
    },
    askPassphrase: (wrong) =>
      askPassphraseInWindow({ preload: files.promptPreload, setWrong: (w) => (promptWrong = w) }, wrong),
    openFolder: async (dir) => {
      const problem = await shell.openPath(dir);
      if (problem) logger.warn({ problem }, 'could not open the data folder');
    },
  });
  if (!keyStore) {
    app.quit();
    return;
  }

  // The window opens before the core: a long DB conversion or migration shows its progress there
  // (the page asks app.startup, which the gate answers until the core is ready).
  const gate = createStartupGate();
  const prepared = await prepareElectronCore({ paths, keyStore, logger, version: app.getVersion() });
  openConnectFrame = (id) => gate.openConnectFrame(id);
  csp = {
    mode: prepared.mode,
    demoConnectOrigin: prepared.connectUrl ? loopbackOrigin(prepared.connectUrl) : null,
  };

  const guards: NavigationGuardDeps = {
    bankHosts: async () => {
      const result = await gate.handle('connections.list', {});
      if (!result.ok) return [];
      return Connection.array()
        .parse(result.value)
        .map((c) => (c.connector.institutionUrl ? siteHost(c.connector.institutionUrl) : null))
        .filter((h): h is string => h !== null);
    },
    openExternal: (url) => shell.openExternal(url),
    onRefused: (url, why) => logger.warn({ url: url.slice(0, 200), why }, 'refused a navigation'),
  };

  let quitting = false;
  let tray: Tray | null = null;
  app.on('before-quit', () => {
    quitting = true;
  });
  window = createMainWindow({
    preload: files.preload,
    prefs,
    guards,
    hideOnClose: () => tray !== null && !quitting,
  });
  const currentWindow = () => window;
  bindContract(ipcMain, gate, currentWindow);
  forwardEvents(gate, currentWindow);
  const started = await prepared
    .create({ events: gate.events, onStoreProgress: gate.progress })
    .catch((error: unknown) => {
      gate.fail(error);
      throw error;
    });
  gate.ready(started.core);
  const { core } = started;

  showNoticesAsOsNotifications(core, {
    supported: () => Notification.isSupported(),
    show: (n, onClick) => {
      const notification = new Notification({ title: n.title, body: n.body, silent: false });
      notification.on('click', onClick);
      notification.show();
    },
    enabled: notificationsSetting(core),
    focusWindow: () => bringForward(window),
    text,
    onError: (error) => logger.warn({ err: error }, 'notification failed'),
  });

  tray = createTray(files.iconsDir, text, core, () => bringForward(window), logger);
  // After sleep, connections may have moved on: the same checks as at startup.
  powerMonitor.on('resume', () => {
    void core.scheduler
      ?.resume()
      .catch((error: unknown) => logger.warn({ err: error }, 'resume check failed'));
  });

  onRedirect = (url) => {
    const redirect = parseOAuthRedirect(url);
    if (!redirect) {
      logger.warn('refused a cofre:// URL that is not the OAuth callback');
      return;
    }
    bringForward(window);
    core.events.emit('connections.changed', { itemId: redirect.itemId, at: new Date().toISOString() });
  };
  if (pendingRedirect) onRedirect(pendingRedirect);
  registerProtocolClient();

  installGracefulQuit(app, () => started.close(), logger);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => bringForward(window));
}

function registerProtocolClient(): void {
  // In development Electron runs our script through its own binary, so it must be named again.
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(OAUTH_SCHEME, process.execPath, [join(process.cwd(), process.argv[1])]);
  } else app.setAsDefaultProtocolClient(OAUTH_SCHEME);
}

function createTray(
  iconsDir: string,
  text: ReturnType<typeof shellText>,
  core: Core,
  open: () => void,
  logger: ReturnType<typeof createLogger>,
): Tray | null {
  const icon = nativeImage.createFromPath(join(iconsDir, 'tray.png'));
  if (icon.isEmpty()) {
    logger.warn({ iconsDir }, 'no tray icon found; the app quits when its window closes');
    return null;
  }
  const tray = new Tray(icon);
  tray.setToolTip(text.trayTooltip);
  const refresh = async () => {
    const last = await lastSyncAt(core);
    const template = trayMenuTemplate(text, last, (iso) => new Date(iso).toLocaleString(app.getLocale()), {
      open,
      syncNow: () =>
        void syncAll(core).catch((error: unknown) => logger.warn({ err: error }, 'tray sync failed')),
      quit: () => app.quit(),
    });
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  const refreshQuietly = () =>
    void refresh().catch((error: unknown) => logger.warn({ err: error }, 'tray refresh failed'));
  refreshQuietly();
  core.events.on('connections.changed', refreshQuietly);
  core.events.on('sync.progress', (p) => {
    if (p.phase === 'done' || p.phase === 'failed') refreshQuietly();
  });
  tray.on('click', open);
  return tray;
}
