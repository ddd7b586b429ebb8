// A fake `electron` module for tests in plain Node: records what the shell asks of Electron.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { vi } from 'vitest';

export class FakeFrame {
  constructor(public url: string) {}
}

type Listener = (...args: unknown[]) => void;

/** What the guards read of Electron's window.open details: the URL and the opener's referrer. */
export interface WindowOpenDetails {
  url: string;
  referrer?: { url: string; policy: string };
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame;
  sent: unknown[][] = [];
  windowOpenHandler: ((details: WindowOpenDetails) => { action: string }) | null = null;
  constructor(url = 'app://cofre/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  fire(name: string, ...args: unknown[]) {
    return fire(this, name, ...args);
  }
}

/** Fires an event the way Electron does: an event object with preventDefault, then the args. */
export function fire(target: EventEmitter, name: string, ...args: unknown[]): { defaultPrevented: boolean } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
  target.emit(name, event, ...args);
  return event;
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  destroyed = false;
  loaded: string[] = [];
  visible = false;
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  isDestroyed() {
    return this.destroyed;
  }
  async loadURL(url: string) {
    this.loaded.push(url);
    this.webContents.mainFrame.url = url;
  }
  maximize() {}
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  quit = vi.fn();
  exit = vi.fn();
  setAsDefaultProtocolClient = vi.fn(() => true);
  requestSingleInstanceLock = vi.fn(() => true);
  userData = '';
  async whenReady() {}
  getLocale() {
    return 'pt-BR';
  }
  getVersion() {
    return '0.1.0-test';
  }
  getPath(_name: string) {
    return this.userData;
  }
}

export const app = new FakeApp();
export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocolHandlers.set(scheme, handler);
  }),
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  },
};
export const dialog = { showMessageBox: vi.fn(async () => ({ response: 0 })), showErrorBox: vi.fn() };
export const shell = { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => '') };
export const powerMonitor = new EventEmitter();
export class Notification extends EventEmitter {
  static shown: { title: string; body: string }[] = [];
  static isSupported() {
    return true;
  }
  constructor(private readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    Notification.shown.push({ title: this.options.title, body: this.options.body });
  }
}
export const nativeImage = { createFromPath: (path: string) => ({ isEmpty: () => !existsSync(path), path }) };
export class Tray extends EventEmitter {
  static created: Tray[] = [];
  menu: unknown = null;
  constructor(public image: unknown) {
    super();
    Tray.created.push(this);
  }
  setToolTip() {}
  setContextMenu(menu: unknown) {
    this.menu = menu;
  }
}
export const Menu = { buildFromTemplate: (template: unknown) => template };

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
