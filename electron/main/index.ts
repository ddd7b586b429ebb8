// Electron main: one window, every contract channel bound to the core, events forwarded to the page.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { createCore, createLogger, defaultDataDir } from '../../src/core';
import { CHANNELS } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { EVENT_CHANNEL, invokeChannel } from '../ipc-names';

function createWindow(): BrowserWindow {
  return new BrowserWindow({
    width: 1200,
    height: 800,
    show: true,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
}

/** Only our own page (the top frame of our window, loaded from our files) may call the core. */
function fromOwnPage(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return (
    event.sender === window.webContents &&
    frame !== null &&
    frame === window.webContents.mainFrame &&
    frame.url.startsWith('file://')
  );
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const logger = createLogger();
  const demo = !process.env['PLUGGY_CLIENT_ID'] || !process.env['PLUGGY_CLIENT_SECRET'];
  const core = await createCore({
    dataDir: process.env['COFRE_DATA_DIR'] ?? defaultDataDir(),
    mode: demo ? 'demo' : 'live',
    host: 'electron',
    version: app.getVersion(),
    logger,
    // Demo mode and the OS key store arrive with the Electron issue; until then live credentials only.
    pluggy:
      process.env['PLUGGY_CLIENT_ID'] && process.env['PLUGGY_CLIENT_SECRET']
        ? {
            baseUrl: process.env['PLUGGY_BASE_URL'] ?? 'https://api.pluggy.ai',
            clientId: process.env['PLUGGY_CLIENT_ID'],
            clientSecret: process.env['PLUGGY_CLIENT_SECRET'],
          }
        : null,
  });
  const window = createWindow();
  for (const channel of CHANNELS) {
    ipcMain.handle(invokeChannel(channel), (event, input: unknown) => {
      if (!fromOwnPage(event, window)) {
        return {
          ok: false,
          error: new AppError('forbidden', 'Calls are accepted only from Cofre itself.').toJSON(),
        };
      }
      return core.handle(channel, input);
    });
  }
  core.events.onAny((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  await window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  app.on('window-all-closed', () => {
    void core.close().then(() => app.quit());
  });
}

void main();
