// A fake `electron` module for tests in plain Node: records what the shell asks of Electron.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeFrame {
  constructor(public url: string) {}
}

type Listener = (...args: unknown[]) => void;

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame;
  sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(url = 'app://cofre/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Fires an event the way Electron does: an event object with preventDefault, then the args. */
  fire(name: string, ...args: unknown[]): { defaultPrevented: boolean } {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit(name, event, ...args);
    return event;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  destroyed = false;
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeIpcMain extends EventEmitter {
  handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

export class FakeIpcRenderer {
  listeners = new Map<string, Listener[]>();
  invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
  send = vi.fn();
  on(channel: string, listener: Listener) {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  /** Main sending to the page: Electron passes its own event object first. */
  emitFromMain(channel: string, ...args: unknown[]) {
    for (const l of this.listeners.get(channel) ?? []) l({ sender: 'ipc-renderer-event' }, ...args);
  }
}

export const exposed = new Map<string, unknown>();

export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    exposed.set(key, api);
  }),
};
export const BrowserWindow = FakeBrowserWindow;
