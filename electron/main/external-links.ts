// Which links may leave the app for the system browser: https only, Pluggy's sites, the user's banks' own hosts,
// and the bank login page Pluggy Connect opens for Open Finance.

/** Pluggy's own sites (docs, dashboard, status). */
export const PLUGGY_SITE_SUFFIX = 'pluggy.ai';

/** Pluggy Connect's origin: a pop-up it opens is the bank's Open Finance login, on any bank's host. */
export const PLUGGY_CONNECT_ORIGIN = 'https://connect.pluggy.ai';

function hostMatches(host: string, allowed: string): boolean {
  return host === allowed || host.endsWith(`.${allowed}`);
}

/** The bank's own host, or the same host under www (which its owner controls); nothing broader. */
function sameSite(host: string, bank: string): boolean {
  return host === bank || host === `www.${bank}`;
}

/**
 * The exact host of a bank site from its institution URL (`https://www.Itau.com.br/` → `www.itau.com.br`).
 * Only that host (and www. before it) is allowed: never a suffix, so `www.com.br` does not open every `.com.br`.
 */
export function siteHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return null;
    return parsed.hostname.toLowerCase();
  } catch {
    return null; // a malformed institution URL from the API names no site
  }
}

/** An https URL without userinfo: the only kind the system browser is ever handed. */
export function parseSafeHttps(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // not a URL: nothing to open
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed;
}

/**
 * True when `url` may open in the system browser. `bankHosts` are the sites of the user's banks (from the
 * connections' institution URLs); everything else, and anything not https, is refused.
 */
export function isAllowedExternalUrl(url: string, bankHosts: readonly string[]): boolean {
  const parsed = parseSafeHttps(url);
  if (!parsed) return false;
  const host = parsed.hostname.toLowerCase();
  return hostMatches(host, PLUGGY_SITE_SUFFIX) || bankHosts.some((bank) => sameSite(host, bank));
}
