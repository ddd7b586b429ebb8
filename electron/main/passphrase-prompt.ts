// A small modal window that asks for the passphrase (Linux without a keyring, after the user opted in).
import { ipcMain, type IpcMainEvent } from 'electron';
import { APP_ORIGIN, isOwnPageUrl } from './app-origin';
import { guardNavigation } from './navigation-guards';
import { PASSPHRASE_CHANNEL, PASSPHRASE_PAGE_PATH } from './passphrase-page';
import { createHardenedWindow } from './window-options';

export interface PassphrasePromptOptions {
  preload: string;
  /** Tells the page server which variant to serve (with or without "wrong passphrase"). */
  setWrong: (wrong: boolean) => void;
}

export function askPassphraseInWindow(
  options: PassphrasePromptOptions,
  wrong: boolean,
): Promise<string | null> {
  options.setWrong(wrong);
  const prompt = createHardenedWindow(options.preload, {
    width: 420,
    height: 240,
    minWidth: 360,
    minHeight: 200,
    resizable: false,
    minimizable: false,
    maximizable: false,
    show: true,
  });
  guardNavigation(prompt.webContents, {
    bankHosts: async () => [],
    openExternal: async () => undefined,
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: string | null) => {
      if (settled) return;
      settled = true;
      ipcMain.removeListener(PASSPHRASE_CHANNEL, onAnswer);
      if (!prompt.isDestroyed()) prompt.close();
      resolve(value);
    };
    function onAnswer(event: IpcMainEvent, value: unknown) {
      // Only this prompt's own page may answer.
      if (event.sender !== prompt.webContents || !event.senderFrame || !isOwnPageUrl(event.senderFrame.url))
        return;
      finish(typeof value === 'string' && value.length > 0 ? value : null);
    }
    ipcMain.on(PASSPHRASE_CHANNEL, onAnswer);
    prompt.on('closed', () => finish(null));
    void prompt.loadURL(`${APP_ORIGIN}${PASSPHRASE_PAGE_PATH}`);
  });
}
