// The cofre:// protocol: where the bank's Open Finance consent page sends the user back (oauthRedirectUri).
import { ItemId } from '../../src/shared/contract';

export const OAUTH_SCHEME = 'cofre';
/** The redirect URI to give Pluggy as `oauthRedirectUri`. */
export const OAUTH_REDIRECT_URI = `${OAUTH_SCHEME}://oauth/callback`;

export interface OAuthRedirect {
  /** The item the consent was for, when the redirect names a valid one. */
  itemId: string | null;
}

/**
 * Parses a URL the OS handed us. Anything but exactly `cofre://oauth/callback[?itemId=<uuid>]` is refused
 * (null): the URL comes from outside (any web page can open a cofre:// link), so it only ever brings the
 * window forward and asks the page to refetch; it never carries data into the core.
 */
export function parseOAuthRedirect(raw: string): OAuthRedirect | null {
  if (raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null; // not a URL: nothing to handle
  }
  if (url.protocol !== `${OAUTH_SCHEME}:` || url.host !== 'oauth' || url.pathname !== '/callback')
    return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  const itemIds = url.searchParams.getAll('itemId');
  if (itemIds.length > 1) return null;
  const itemId = itemIds[0];
  if (itemId === undefined) return { itemId: null };
  return ItemId.safeParse(itemId).success ? { itemId } : null;
}

/** The cofre:// URL among a second instance's (or the first launch's) command-line arguments. */
export function redirectFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.startsWith(`${OAUTH_SCHEME}://`)) ?? null;
}
