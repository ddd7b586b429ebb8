// The one cached apiKey: refreshed a margin before its JWT `exp`, one shared in-flight /auth, invalidated on 401.
import type { Clock } from '../clock';

/** Pluggy's documented apiKey lifetime, assumed when the key's `exp` cannot be read. */
const DEFAULT_LIFETIME_MS = 2 * 60 * 60 * 1000;

export interface TokenCacheOptions {
  /** Calls POST /auth and returns the apiKey. */
  fetchApiKey: () => Promise<string>;
  clock: Clock;
  /** Refresh this long before `exp` (default 10 min); capped at a quarter of the key's lifetime. */
  refreshMarginMs?: number;
  /** Called with every new key, so it can be scrubbed from errors and logs. */
  onNewKey?: (apiKey: string) => void;
}

interface Cached {
  apiKey: string;
  refreshAt: number;
}

/** `iat`/`exp` (seconds) of a JWT, read without verifying: the key is only trusted by Pluggy, not by us. */
export function jwtTimes(token: string): { iat?: number; exp?: number } {
  const payload = token.split('.')[1];
  if (payload === undefined) return {};
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return {};
    const { iat, exp } = claims as { iat?: unknown; exp?: unknown };
    return {
      ...(typeof iat === 'number' && Number.isFinite(iat) ? { iat } : {}),
      ...(typeof exp === 'number' && Number.isFinite(exp) ? { exp } : {}),
    };
  } catch {
    // Not a JWT we can read: fall back to the documented lifetime (handled by the caller).
    return {};
  }
}

export interface TokenCache {
  /** A valid apiKey, fetching one when none is cached or the cached one is due for refresh. */
  get(): Promise<string>;
  /** Forgets `apiKey` if it is still the cached one (Pluggy rejected it); a newer key is kept. */
  invalidate(apiKey: string): void;
  /** How many times /auth was called (diagnostics). */
  readonly fetches: number;
}

export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const margin = options.refreshMarginMs ?? 10 * 60 * 1000;
  let cached: Cached | undefined;
  let inFlight: Promise<string> | undefined;
  let fetches = 0;

  const refreshAtFor = (apiKey: string, fetchedAt: number): number => {
    const { iat, exp } = jwtTimes(apiKey);
    if (exp === undefined) return fetchedAt + DEFAULT_LIFETIME_MS - margin;
    const expMs = exp * 1000;
    const lifetime = expMs - (iat !== undefined ? iat * 1000 : fetchedAt);
    return expMs - Math.min(margin, Math.max(0, lifetime / 4));
  };

  const refresh = (): Promise<string> => {
    inFlight ??= (async () => {
      try {
        fetches++;
        const apiKey = await options.fetchApiKey();
        options.onNewKey?.(apiKey);
        cached = { apiKey, refreshAt: refreshAtFor(apiKey, options.clock.now()) };
        return apiKey;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  return {
    get() {
      if (cached && options.clock.now() < cached.refreshAt) return Promise.resolve(cached.apiKey);
      return refresh();
    },
    invalidate(apiKey) {
      if (cached?.apiKey === apiKey) cached = undefined;
    },
    get fetches() {
      return fetches;
    },
  };
}
