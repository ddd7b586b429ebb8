// The main window's options: Electron's security checklist, to the letter.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

export function mainWindowOptions(preload: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    // Shown on 'ready-to-show', so the user never sees a blank white frame.
    show: false,
    title: 'Cofre',
    autoHideMenuBar: true,
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
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
