// Binds every contract channel to the core with ipcMain.handle; only our own page's top frame may call.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Core } from '../../src/core';
import { CHANNELS, type Result } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { EVENT_CHANNEL, invokeChannel } from '../ipc-names';
import { isOwnPageUrl } from './app-origin';

/** The caller is the top frame of our window, showing our own page (not Connect's iframe, not a stray page). */
export function isFromOwnPage(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  if (window.isDestroyed()) return false;
  const frame = event.senderFrame;
  return (
    event.sender === window.webContents &&
    frame !== null &&
    frame === window.webContents.mainFrame &&
    isOwnPageUrl(frame.url)
  );
}

const refused = (): Result<never> => ({
  ok: false,
  error: new AppError('forbidden', 'Calls are accepted only from Cofre itself.').toJSON(),
});

/** One handler per contract channel; returns a function that removes them all (for quit and tests). */
export function bindContract(
  ipcMain: IpcMain,
  core: Pick<Core, 'handle'>,
  window: () => BrowserWindow | null,
) {
  for (const channel of CHANNELS) {
    ipcMain.handle(invokeChannel(channel), (event, input: unknown) => {
      const win = window();
      if (!win || !isFromOwnPage(event, win)) return refused();
      return core.handle(channel, input);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(invokeChannel(channel));
  };
}

/** Core events go to the page as (name, payload); nothing else of Electron's reaches it. */
export function forwardEvents(core: Pick<Core, 'events'>, window: () => BrowserWindow | null): () => void {
  return core.events.onAny((name, payload) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
  });
}
