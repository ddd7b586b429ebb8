// The tray icon: Sync now, the last sync time, Open and Quit; refreshed when connections change.
import type { MenuItemConstructorOptions } from 'electron';
import type { Core } from '../../src/core';
import { Connection } from '../../src/shared/contract';
import type { ShellText } from './shell-text';

export interface TrayActions {
  open: () => void;
  syncNow: () => void;
  quit: () => void;
}

/** The newest `lastSyncedAt` over all connections, or null when none ever synced. */
export async function lastSyncAt(core: Pick<Core, 'handle'>): Promise<string | null> {
  const result = await core.handle('connections.list', {});
  if (!result.ok) return null;
  const connections = Connection.array().parse(result.value);
  const times = connections.map((c) => c.lastSyncedAt).filter((t): t is string => t !== null);
  return times.reduce<string | null>((newest, t) => (newest === null || t > newest ? t : newest), null);
}

export function trayMenuTemplate(
  text: ShellText,
  lastSync: string | null,
  formatTime: (iso: string) => string,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  return [
    { label: text.trayOpen, click: actions.open },
    { label: text.traySyncNow, click: actions.syncNow },
    { label: lastSync ? text.trayLastSync(formatTime(lastSync)) : text.trayNeverSynced, enabled: false },
    { type: 'separator' },
    { label: text.trayQuit, click: actions.quit },
  ];
}

/** Syncs every connection through the core's router, as the renderer's button does. */
export function syncAll(core: Pick<Core, 'handle'>): Promise<unknown> {
  return core.handle('connections.syncAll', {});
}
