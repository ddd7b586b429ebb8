import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardNavigation } from '../../electron/main/navigation-guards';
import { OAUTH_REDIRECT_URI, parseOAuthRedirect, redirectFromArgv } from '../../electron/main/oauth-redirect';
import { FakeWebContents } from './fake-electron';

const ITEM = '6f1c1c0e-2b8a-4d3c-9f5e-8a7b6c5d4e3f';

describe('the cofre:// OAuth redirect', () => {
  it('accepts the callback, with or without a valid item id', () => {
    expect(OAUTH_REDIRECT_URI).toBe('cofre://oauth/callback');
    expect(parseOAuthRedirect('cofre://oauth/callback')).toEqual({ itemId: null });
    expect(parseOAuthRedirect(`cofre://oauth/callback?itemId=${ITEM}`)).toEqual({ itemId: ITEM });
    expect(parseOAuthRedirect(`cofre://oauth/callback?itemId=${ITEM}&state=x`)).toEqual({ itemId: ITEM });
  });

  it('refuses anything else', () => {
    for (const url of [
      'cofre://oauth/other',
      'cofre://evil/callback',
      'https://oauth/callback',
      'cofre://user:pw@oauth/callback',
      'cofre://oauth:99/callback',
      'cofre://oauth/callback?itemId=../../etc',
      `cofre://oauth/callback?itemId=${ITEM}&itemId=${ITEM}`,
      `cofre://oauth/callback?x=${'a'.repeat(3000)}`,
      'not a url',
    ]) {
      expect(parseOAuthRedirect(url), url).toBeNull();
    }
  });

  it('finds the URL among command-line arguments', () => {
    expect(redirectFromArgv(['/usr/bin/cofre', '--flag', 'cofre://oauth/callback'])).toBe(
      'cofre://oauth/callback',
    );
    expect(redirectFromArgv(['/usr/bin/cofre'])).toBeNull();
  });
});

describe('the Open Finance login pop-up from Pluggy Connect', () => {
  const connect = { url: 'https://connect.pluggy.ai/', policy: 'strict-origin-when-cross-origin' };
  // A bank connected for the first time: its login host is on no list.
  const bankLogin = 'https://auth.banco-novo.example.com.br/oauth2/authorize?client_id=x&state=y';

  function guarded() {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(async () => undefined);
    const onRefused = vi.fn();
    guardNavigation(contents as unknown as WebContents, {
      bankHosts: async () => ['www.itau.com.br'],
      openExternal,
      onRefused,
    });
    return { contents, openExternal, onRefused };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it("opens a first-time bank's login page in the system browser, never in the app", async () => {
    const { contents, openExternal, onRefused } = guarded();
    expect(contents.windowOpenHandler?.({ url: bankLogin, referrer: connect })).toEqual({ action: 'deny' });
    await settle();
    expect(openExternal.mock.calls).toEqual([[bankLogin]]);
    expect(onRefused).not.toHaveBeenCalled();
    // The bank sends the user back through the app's own protocol.
    expect(parseOAuthRedirect(`${OAUTH_REDIRECT_URI}?itemId=${ITEM}`)).toEqual({ itemId: ITEM });
  });

  it('refuses a pop-up from Connect that is not plain https', async () => {
    const { contents, openExternal, onRefused } = guarded();
    for (const url of [
      'http://auth.banco-novo.example.com.br/login',
      'https://user:pw@auth.banco-novo.example.com.br/login',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ]) {
      expect(contents.windowOpenHandler?.({ url, referrer: connect })).toEqual({ action: 'deny' });
    }
    await settle();
    expect(openExternal).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledTimes(4);
  });

  it('still refuses a window.open from our own page (or with no referrer) to an unknown host', async () => {
    const { contents, openExternal, onRefused } = guarded();
    const own = { url: 'app://cofre/index.html', policy: 'strict-origin-when-cross-origin' };
    const lookalike = { url: 'https://connect.pluggy.ai.evil.example/', policy: 'unsafe-url' };
    contents.windowOpenHandler?.({ url: bankLogin, referrer: own });
    contents.windowOpenHandler?.({ url: bankLogin, referrer: { url: '', policy: 'no-referrer' } });
    contents.windowOpenHandler?.({ url: bankLogin });
    contents.windowOpenHandler?.({ url: bankLogin, referrer: lookalike });
    await settle();
    expect(openExternal).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledTimes(4);
  });
});
