import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, siteHost } from '../../electron/main/external-links';
import { denyAllPermissions, guardNavigation } from '../../electron/main/navigation-guards';
import { FakeWebContents } from './fake-electron';

function guarded(bankHosts: string[] = ['www.itau.com.br']) {
  const contents = new FakeWebContents();
  const openExternal = vi.fn(async () => undefined);
  const onRefused = vi.fn();
  guardNavigation(contents as unknown as WebContents, {
    bankHosts: async () => bankHosts,
    openExternal,
    onRefused,
  });
  return { contents, openExternal, onRefused };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('navigation guards', () => {
  it('deny navigation to a foreign URL and open nothing', async () => {
    const { contents, openExternal, onRefused } = guarded();
    const event = contents.fire('will-navigate', 'https://evil.example/phish');
    await settle();
    expect(event.defaultPrevented).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledWith('https://evil.example/phish', 'navigation');
  });

  it('keep even our own page from navigating by itself', () => {
    const { contents, openExternal } = guarded();
    expect(contents.fire('will-navigate', 'app://cofre/other.html').defaultPrevented).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('deny every new window, and open an allowed link in the system browser', async () => {
    const { contents, openExternal } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://docs.pluggy.ai/docs' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://www.itau.com.br/contato' })).toEqual({
      action: 'deny',
    });
    await settle();
    expect(openExternal.mock.calls).toEqual([
      ['https://docs.pluggy.ai/docs'],
      ['https://www.itau.com.br/contato'],
    ]);
  });

  it('deny a window for a foreign URL and open nothing', async () => {
    const { contents, openExternal, onRefused } = guarded();
    for (const url of [
      'https://evil.example/',
      'http://docs.pluggy.ai/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    await settle();
    expect(openExternal).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledTimes(4);
  });

  it('refuse a redirect away from our page and any <webview>', () => {
    const { contents } = guarded();
    expect(contents.fire('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.fire('will-attach-webview').defaultPrevented).toBe(true);
  });

  it('deny every permission request and check', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    expect(check()).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(device()).toBe(false);
  });
});

describe('external links', () => {
  it('allow https Pluggy sites and the user banks, nothing else', () => {
    const banks = ['www.itau.com.br'];
    expect(isAllowedExternalUrl('https://pluggy.ai/', banks)).toBe(true);
    expect(isAllowedExternalUrl('https://docs.pluggy.ai/x', banks)).toBe(true);
    expect(isAllowedExternalUrl('https://www.itau.com.br/', banks)).toBe(true);
    expect(isAllowedExternalUrl('https://www.nubank.com.br/', ['nubank.com.br'])).toBe(true);
    expect(isAllowedExternalUrl('https://notpluggy.ai/', banks)).toBe(false);
    expect(isAllowedExternalUrl('https://itau.com.br.evil.example/', banks)).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@pluggy.ai/', banks)).toBe(false);
    expect(isAllowedExternalUrl('http://pluggy.ai/', banks)).toBe(false);
    expect(isAllowedExternalUrl('not a url', banks)).toBe(false);
  });

  it('match a bank host from its institution URL exactly, never as a suffix', () => {
    // Another host of the bank is not its institution URL's host.
    expect(isAllowedExternalUrl('https://internet.itau.com.br/', ['www.itau.com.br'])).toBe(false);
    // An institution URL of https://www.com.br must not open every .com.br site.
    const broad = ['www.com.br'];
    expect(isAllowedExternalUrl('https://www.com.br/', broad)).toBe(true);
    expect(isAllowedExternalUrl('https://evil.com.br/', broad)).toBe(false);
    expect(isAllowedExternalUrl('https://com.br/', broad)).toBe(false);
    expect(isAllowedExternalUrl('https://www.evil.com.br/', broad)).toBe(false);
  });

  it('read a bank site host from its institution URL', () => {
    expect(siteHost('https://www.Itau.com.br/')).toBe('www.itau.com.br');
    expect(siteHost('http://www.itau.com.br/')).toBeNull();
    expect(siteHost('::')).toBeNull();
  });
});
