import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths } from '../../src/core';
import { CHANNELS } from '../../src/shared/contract';
import { startElectronCore, type ElectronCore } from '../../electron/main/core-composition';
import { bindContract, forwardEvents } from '../../electron/main/ipc-binding';
import { createSafeStorageKeyStore } from '../../electron/main/safe-storage-key-store';
import { EVENT_CHANNEL, invokeChannel } from '../../electron/ipc-names';
import { tempDir } from '../helpers/temp-dir';
import { FakeBrowserWindow, FakeFrame, FakeIpcMain, FakeWebContents } from './fake-electron';
import { FakeSafeStorage } from './fake-safe-storage';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown> | unknown;

describe('IPC binding over the real core (demo mode, sandbox in-process)', () => {
  const ipc = new FakeIpcMain();
  const window = new FakeBrowserWindow({});
  let started: ElectronCore;
  let unbind: () => void;

  beforeAll(async () => {
    const paths = dataPaths(tempDir('cofre-electron-ipc-'));
    started = await startElectronCore({
      paths,
      keyStore: createSafeStorageKeyStore({ safeStorage: new FakeSafeStorage(), paths, platform: 'linux' }),
      logger: (await import('../../src/core')).silentLogger(),
      env: {},
      scheduler: false,
      sandbox: { executionMs: 20 },
    });
    unbind = bindContract(ipc as unknown as IpcMain, started.core, () => window as unknown as BrowserWindow);
    forwardEvents(started.core, () => window as unknown as BrowserWindow);
  });
  afterAll(async () => {
    unbind();
    await started.close();
  });

  const call = (channel: string, sender: FakeWebContents, frame: FakeFrame | null, input: unknown = {}) => {
    const handler = ipc.handlers.get(invokeChannel(channel)) as Handler | undefined;
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ sender, senderFrame: frame } as unknown as IpcMainInvokeEvent, input);
  };

  it('binds exactly one handler per contract channel, and the core handles every one', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNELS.map(invokeChannel).sort());
    expect([...started.core.channels].sort()).toEqual([...CHANNELS].sort());
  });

  it('starts demo mode with the sandbox Connect page on loopback', () => {
    expect(started.mode).toBe('demo');
    expect(started.connectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/connect$/);
  });

  it('forwards a call from our own page to the core', async () => {
    const result = await call('app.info', window.webContents, window.webContents.mainFrame);
    expect(result).toMatchObject({ ok: true, value: { name: 'Cofre', host: 'electron', mode: 'demo' } });
  });

  it('refuses a call from a subframe (the Connect iframe) of our window', async () => {
    const iframe = new FakeFrame('http://127.0.0.1:9/connect');
    expect(await call('app.info', window.webContents, iframe)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a call from our window after it navigated to a foreign page', async () => {
    const foreign = new FakeWebContents('https://evil.example/');
    const win = window as unknown as { webContents: FakeWebContents };
    const own = win.webContents;
    win.webContents = foreign;
    try {
      expect(await call('connections.list', foreign, foreign.mainFrame)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    } finally {
      win.webContents = own;
    }
  });

  it('refuses a call from another webContents and from a missing frame', async () => {
    const other = new FakeWebContents();
    expect(await call('app.info', other, other.mainFrame)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call('app.info', window.webContents, null)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a file:// page even in our own window', async () => {
    const own = window.webContents.mainFrame.url;
    window.webContents.mainFrame.url = 'file:///tmp/index.html';
    try {
      expect(await call('app.info', window.webContents, window.webContents.mainFrame)).toMatchObject({
        ok: false,
      });
    } finally {
      window.webContents.mainFrame.url = own;
    }
  });

  it('passes untrusted input to the core, which validates it', async () => {
    const result = await call('connections.sync', window.webContents, window.webContents.mainFrame, {
      itemId: 'not-a-uuid',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('sends core events to the page as (name, payload) on one channel', () => {
    const at = new Date().toISOString();
    started.core.events.emit('connections.changed', { itemId: null, at });
    expect(window.webContents.sent.at(-1)).toEqual([
      EVENT_CHANNEL,
      'connections.changed',
      { itemId: null, at },
    ]);
  });

  it('sends nothing to a destroyed window', () => {
    const count = window.webContents.sent.length;
    window.destroyed = true;
    try {
      started.core.events.emit('connections.changed', { itemId: null, at: new Date().toISOString() });
      expect(window.webContents.sent.length).toBe(count);
    } finally {
      window.destroyed = false;
    }
  });
});
