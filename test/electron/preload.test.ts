import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES, type CofreBridge } from '../../src/shared/contract';
import { EVENT_CHANNEL, invokeChannel } from '../../electron/ipc-names';
import { PASSPHRASE_CHANNEL } from '../../electron/main/passphrase-page';

vi.mock('electron', () => import('./fake-electron'));

const fake = await import('./fake-electron');

describe('preload: window.cofre', () => {
  let bridge: CofreBridge;
  beforeAll(async () => {
    await import('../../electron/preload/index');
    bridge = fake.exposed.get('cofre') as CofreBridge;
  });
  beforeEach(() => fake.ipcRenderer.invoke.mockClear());

  it('exposes exactly invoke and on, under the one name cofre', () => {
    const names = fake.contextBridge.exposeInMainWorld.mock.calls.map((c) => c[0]);
    expect(names).toContain('cofre');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('forwards a contract channel to its IPC channel', async () => {
    for (const channel of CHANNELS) {
      await bridge.invoke(channel, { probe: 1 });
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannel(channel), { probe: 1 });
    }
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('refuses a channel that is not in the contract, without touching IPC', async () => {
    for (const channel of ['nope', 'cofre:event', '__proto__', 'constructor', '', 42]) {
      const result = await bridge.invoke(channel as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the payload of a contract event, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = bridge.on(EVENT_NAMES[0]!, (...args: unknown[]) => seen.push(args));
    fake.ipcRenderer.emitFromMain(EVENT_CHANNEL, EVENT_NAMES[0], { n: 1 });
    off();
    fake.ipcRenderer.emitFromMain(EVENT_CHANNEL, EVENT_NAMES[0], { n: 2 });
    expect(seen).toEqual([[{ n: 1 }]]);
  });

  it('ignores a subscription to an event not in the contract', () => {
    const listener = vi.fn();
    const off = bridge.on('not.an.event', listener);
    fake.ipcRenderer.emitFromMain(EVENT_CHANNEL, 'not.an.event', {});
    expect(listener).not.toHaveBeenCalled();
    expect(typeof off).toBe('function');
  });
});

describe('preload: the passphrase prompt', () => {
  it('exposes only submit and cancel, and sends only a non-empty string', async () => {
    await import('../../electron/preload/passphrase');
    const prompt = fake.exposed.get('cofrePrompt') as { submit(v: unknown): void; cancel(): void };
    expect(Object.keys(prompt).sort()).toEqual(['cancel', 'submit']);
    prompt.submit('');
    prompt.submit({ toString: () => 'x' });
    prompt.submit('correct horse');
    prompt.cancel();
    expect(fake.ipcRenderer.send.mock.calls).toEqual([
      [PASSPHRASE_CHANNEL, 'correct horse'],
      [PASSPHRASE_CHANNEL, null],
    ]);
  });
});
