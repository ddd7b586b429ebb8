// The Pluggy client's response cache kept in the encrypted DB's `cache` table (survives restarts).
import type { Clock } from '../clock';
import type { CacheStore } from '../pluggy/response-cache';
import { cacheGet, cacheHealth, cacheSet } from './cache';
import type { Db } from './db';

export function createDbCacheStore(db: Db, clock: Clock): CacheStore {
  let lastError: string | undefined;
  const guard = <T>(what: string, work: () => T, fallback: T): T => {
    try {
      return work();
    } catch (error) {
      // A cache failure must never fail a request: the client falls back to Pluggy and health reports it.
      lastError = `${what}: ${(error as Error).message}`;
      return fallback;
    }
  };
  return {
    get: (key) => guard('get', () => cacheGet(db, key, clock.now())?.value, undefined),
    set: (key, value, ttlMs) => guard('set', () => cacheSet(db, key, value, ttlMs, clock.now()), undefined),
    health: () => {
      const stats = guard('health', () => cacheHealth(db, clock.now()), null);
      return {
        ok: stats !== null && lastError === undefined,
        kind: 'sqlite',
        ...(stats ? { entries: stats.entries - stats.expired } : {}),
        ...(lastError ? { lastError } : {}),
      };
    },
  };
}
