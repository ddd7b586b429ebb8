// Keeps the window on our page: navigation and new windows are denied; allowed links go to the system browser.
import type { Referrer, Session, WebContents } from 'electron';
import { isOwnPageUrl } from './app-origin';
import { PLUGGY_CONNECT_ORIGIN, isAllowedExternalUrl, parseSafeHttps } from './external-links';

export interface NavigationGuardDeps {
  /** The sites of the user's banks, asked at the moment a link is followed. */
  bankHosts: () => Promise<readonly string[]>;
  openExternal: (url: string) => Promise<void>;
  onRefused?: (url: string, why: 'navigation' | 'window') => void;
  /** Origins whose pop-ups are a bank's Open Finance login (default: Pluggy Connect's). */
  connectOrigins?: readonly string[];
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null; // no referrer URL: not from a Connect frame
  }
}

/**
 * A window.open by the Pluggy Connect frame: Open Finance sends the user to the bank's own login page, on a
 * host no list knows for a bank connected the first time. Only a document on Connect's origin can present
 * that referrer; our own page (app://) or a page with no referrer never can.
 */
function fromConnect(referrer: Referrer | undefined, deps: NavigationGuardDeps): boolean {
  const origin = originOf(referrer?.url);
  return origin !== null && (deps.connectOrigins ?? [PLUGGY_CONNECT_ORIGIN]).includes(origin);
}

/** Opens `url` in the system browser when it is allowed; reports it refused otherwise. */
async function maybeOpenExternal(url: string, deps: NavigationGuardDeps, why: 'navigation' | 'window') {
  if (isAllowedExternalUrl(url, await deps.bankHosts())) await deps.openExternal(url);
  else deps.onRefused?.(url, why);
}

function report(deps: NavigationGuardDeps) {
  return (error: unknown) => deps.onRefused?.(`(error: ${String(error)})`, 'window');
}

export function guardNavigation(contents: WebContents, deps: NavigationGuardDeps): void {
  contents.on('will-navigate', (event, url) => {
    // Even a reload of our own page goes through loadURL, never through a navigation the page starts.
    event.preventDefault();
    if (!isOwnPageUrl(url)) void maybeOpenExternal(url, deps, 'navigation').catch(report(deps));
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPageUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url, referrer }) => {
    // The bank's login opens in the system browser (https, no userinfo), which comes back through
    // cofre://oauth/callback; the pop-up itself never opens inside the app.
    if (fromConnect(referrer, deps) && parseSafeHttps(url)) void deps.openExternal(url).catch(report(deps));
    else void maybeOpenExternal(url, deps, 'window').catch(report(deps));
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission (camera, notifications from the page, geolocation, openExternal…) is refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
