// Creates the main window with the hardened options and guards, and remembers its size and place.
import type { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { guardNavigation, type NavigationGuardDeps } from './navigation-guards';
import type { PrefsStore } from './prefs-store';
import { createHardenedWindow } from './window-options';

export interface MainWindowOptions {
  preload: string;
  prefs: PrefsStore;
  guards: NavigationGuardDeps;
  /** True while closing should only hide the window (the tray keeps the app running). */
  hideOnClose: () => boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = options.prefs.get('window');
  const window = createHardenedWindow(options.preload, {
    width: saved.width,
    height: saved.height,
    ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
  });
  if (saved.maximized) window.maximize();
  guardNavigation(window.webContents, options.guards);
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    const b = window.getNormalBounds();
    // Clamped to the schema's minimums, so an odd screen never makes the prefs file invalid.
    const width = Math.max(800, Math.round(b.width));
    const height = Math.max(560, Math.round(b.height));
    options.prefs.set('window', {
      x: Math.round(b.x),
      y: Math.round(b.y),
      width,
      height,
      maximized: window.isMaximized(),
    });
    if (options.hideOnClose()) {
      event.preventDefault();
      window.hide();
    }
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

export function bringForward(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
