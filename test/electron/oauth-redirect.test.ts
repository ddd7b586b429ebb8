import { describe, expect, it } from 'vitest';
import { OAUTH_REDIRECT_URI, parseOAuthRedirect, redirectFromArgv } from '../../electron/main/oauth-redirect';

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
