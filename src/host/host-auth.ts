// Who may talk to the browser host: the holder of the per-launch token, from our own loopback origin only.
//
// Never a cookie: cookies are not bound to a port, so the browser would hand one set by 127.0.0.1:P to every
// other server on 127.0.0.1 (a dev server, the demo sandbox, a hostile local process). The token travels in
// the launch URL's fragment (never sent anywhere), stays in the tab's port-bound sessionStorage, and every
// call carries it as `Authorization: Bearer`.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of any two strings (hashing first makes the lengths equal). */
export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? '');
  return match?.[1];
}

/**
 * A DNS-rebinding page reaches 127.0.0.1 under its own host name, so only our literal loopback
 * host names (with our port) are accepted, and a cross-site Origin is refused.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([...allowedHosts(port)].map((h) => `http://${h}`));
}
