// Which links may leave the app for the system browser: https only, Pluggy's sites and the user's banks.

/** Pluggy's own sites (docs, dashboard, status). */
export const PLUGGY_SITE_SUFFIX = 'pluggy.ai';

function hostMatches(host: string, allowed: string): boolean {
  return host === allowed || host.endsWith(`.${allowed}`);
}

/** The host of a bank site (`https://www.itau.com.br/` → `itau.com.br`), without a leading www. */
export function siteHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null; // a malformed institution URL from the API names no site
  }
}

/**
 * True when `url` may open in the system browser. `bankHosts` are the sites of the user's banks (from the
 * connections' institution URLs); everything else, and anything not https, is refused.
 */
export function isAllowedExternalUrl(url: string, bankHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false; // not a URL: nothing to open
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return hostMatches(host, PLUGGY_SITE_SUFFIX) || bankHosts.some((bank) => hostMatches(host, bank));
}
