// Every window of the app is built here, with Electron's security checklist written out as one literal at
// the construction site (where static analysers such as electronegativity look for it).
import { BrowserWindow } from 'electron';

export interface WindowLayout {
  width: number;
  height: number;
  x?: number;
  y?: number;
  minWidth?: number;
  minHeight?: number;
  resizable?: boolean;
  minimizable?: boolean;
  maximizable?: boolean;
  /** Default false: shown on 'ready-to-show', so the user never sees a blank white frame. */
  show?: boolean;
}

export function createHardenedWindow(preload: string, layout: WindowLayout): BrowserWindow {
  return new BrowserWindow({
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Cofre',
    autoHideMenuBar: true,
    ...layout,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would open links in new windows past setWindowOpenHandler's usual path.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
