// Preload: exposes only window.cofre = { invoke, on }, allowlisted by the contract; no ipcRenderer leaks.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENT_NAMES, type CofreBridge, type Result } from '../../src/shared/contract';
import { EVENT_CHANNEL, invokeChannel } from '../ipc-names';

const allowedCalls = new Set<string>(CHANNELS);
const allowedEvents = new Set<string>(EVENT_NAMES);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(EVENT_CHANNEL, (_event, name: string, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: CofreBridge = {
  invoke(channel, input) {
    if (typeof channel !== 'string' || !allowedCalls.has(channel)) {
      const refused: Result<never> = {
        ok: false,
        error: {
          code: 'unknown_channel',
          messageKey: 'errors.unknown_channel',
          message: 'There is no call with this name.',
        },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(invokeChannel(channel), input ?? {}) as Promise<Result<unknown>>;
  },
  on(event, listener) {
    if (typeof event !== 'string' || !allowedEvents.has(event) || typeof listener !== 'function') {
      return () => undefined;
    }
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    // Only the payload reaches the page, never Electron's event object.
    const wrapped = (payload: unknown) => listener(payload);
    set.add(wrapped);
    return () => set.delete(wrapped);
  },
};

contextBridge.exposeInMainWorld('cofre', bridge);
