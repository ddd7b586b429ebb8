// The app's event-fed UI state: live sync progress per bank link and the toasts on screen.
import type { SyncProgress } from '../../shared/contract';
import { createStore } from './store';

/** The latest progress of each link's running (or just finished) sync, by item id. */
export const progressStore = createStore<ReadonlyMap<string, SyncProgress>>(new Map());

export interface Toast {
  id: number;
  level: 'info' | 'warning' | 'error';
  /** i18n key and its values; the toast translates at render time, so a language switch applies. */
  messageKey: string;
  params: Record<string, string>;
  /** The notice's kind, when the toast announces one (some kinds word their parameters). */
  kind?: string;
  /** The link the notice is about: its name is shown as the link is named now. */
  connectionId?: string | null;
}

export const toastStore = createStore<readonly Toast[]>([]);
let nextToastId = 1;
const TOAST_MS = 8_000;

export function showToast(toast: Omit<Toast, 'id'>): void {
  const id = nextToastId++;
  toastStore.set((list) => [...list.slice(-3), { ...toast, id }]);
  setTimeout(() => dismissToast(id), TOAST_MS);
}

export function dismissToast(id: number): void {
  toastStore.set((list) => list.filter((t) => t.id !== id));
}

export function recordProgress(progress: SyncProgress): void {
  progressStore.set((map) => new Map(map).set(progress.itemId, progress));
}

/**
 * Clears a finished run's progress, unless a newer run of the same link has reported since: a click on
 * "Sincronizar agora" within seconds of the last run's end must not lose its bar to the old run's timer.
 */
export function clearFinishedProgress(finished: SyncProgress): void {
  progressStore.set((map) => {
    if (map.get(finished.itemId) !== finished) return map;
    const next = new Map(map);
    next.delete(finished.itemId);
    return next;
  });
}
