// The one cached apiKey: refreshed a margin before its lifetime ends, one shared /auth, invalidated on 401.
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

  /**
   * The key lives `exp − iat` from when it was asked for, timed on the local clock: the PC's clock may
   * disagree with Pluggy's by hours, and comparing its `exp` with local time would refresh on every call.
   */
  const refreshAtFor = (apiKey: string, askedAt: number): number => {
    const { iat, exp } = jwtTimes(apiKey);
    const lifetime =
      exp !== undefined && iat !== undefined && exp > iat ? (exp - iat) * 1000 : DEFAULT_LIFETIME_MS;
    return askedAt + lifetime - Math.min(margin, lifetime / 4);
  };

  const refresh = (): Promise<string> => {
    inFlight ??= (async () => {
      try {
        fetches++;
        const askedAt = options.clock.now();
        const apiKey = await options.fetchApiKey();
        options.onNewKey?.(apiKey);
        cached = { apiKey, refreshAt: refreshAtFor(apiKey, askedAt) };
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
