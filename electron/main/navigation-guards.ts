// Keeps the window on our page: navigation and new windows are denied; allowed links go to the system browser.
import type { Session, WebContents } from 'electron';
import { isOwnPageUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

export interface NavigationGuardDeps {
  /** The sites of the user's banks, asked at the moment a link is followed. */
  bankHosts: () => Promise<readonly string[]>;
  openExternal: (url: string) => Promise<void>;
  onRefused?: (url: string, why: 'navigation' | 'window') => void;
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
  contents.setWindowOpenHandler(({ url }) => {
    void maybeOpenExternal(url, deps, 'window').catch(report(deps));
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
