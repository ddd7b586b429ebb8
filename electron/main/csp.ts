// The renderer's Content-Security-Policy: our own files only, plus exactly the Connect origin of the mode.
import type { AppMode } from '../../src/shared/contract';

/** The real Pluggy Connect widget's iframe origin (pluggy-api.md §11). */
export const PLUGGY_CONNECT_ORIGIN = 'https://connect.pluggy.ai';

export interface CspOptions {
  mode: AppMode;
  /** Demo mode: the sandbox's loopback origin, whose /connect page the app frames. */
  demoConnectOrigin: string | null;
}

export function contentSecurityPolicy(options: CspOptions): string {
  const live = options.mode === 'live';
  // Demo: our one-time /connect-frame/ URL ('self'), which redirects to the sandbox's Connect page.
  const frames = live
    ? [PLUGGY_CONNECT_ORIGIN]
    : options.demoConnectOrigin
      ? ["'self'", options.demoConnectOrigin]
      : [];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React and the chart library set style attributes; no inline script is ever allowed.
    "style-src 'self' 'unsafe-inline'",
    // Bank logos arrive as data: URLs the core keeps in the DB: no remote image, in either mode.
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${frames.length > 0 ? frames.join(' ') : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `http://127.0.0.1:PORT/connect` → `http://127.0.0.1:PORT`; only loopback http is accepted. */
export function loopbackOrigin(url: string): string | null {
  const parsed = new URL(url);
  const loopback =
    parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]' || parsed.hostname === 'localhost';
  return parsed.protocol === 'http:' && loopback ? parsed.origin : null;
}
