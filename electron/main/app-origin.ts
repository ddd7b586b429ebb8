// Where our own page lives: the privileged app:// scheme that serves the built renderer, never file://.
export const APP_SCHEME = 'app';
export const APP_HOST = 'cofre';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is a page of ours (app://cofre/…); URL.origin is 'null' for custom schemes, so compare parts. */
export function isOwnPageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '';
  } catch {
    return false; // not a URL at all: certainly not ours
  }
}
