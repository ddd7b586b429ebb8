// TTL cache for slow-changing reads (connectors, categories) behind a CacheStore the DB can implement later.
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';

export interface CacheHealth {
  ok: boolean;
  /** Which store answers (e.g. `memory`, `sqlite`). */
  kind: string;
  entries?: number;
  /** The last failure of the store, without values. */
  lastError?: string;
}

/**
 * Where cached responses live. Values are JSON-compatible; `get` returns undefined for a missing or
 * expired entry. The store (src/core/store) plugs in a DB-backed one over its `cache` table.
 */
export interface CacheStore {
  get(key: string): Promise<unknown> | unknown;
  set(key: string, value: unknown, ttlMs: number): Promise<void> | void;
  health(): Promise<CacheHealth> | CacheHealth;
}

/** In-memory store with TTL on an injected clock; expired entries are dropped when read or on set. */
export function createMemoryCacheStore(clock: Clock, maxEntries = 500): CacheStore {
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (clock.now() >= entry.expiresAt) {
        entries.delete(key);
        return undefined;
      }
      return structuredClone(entry.value);
    },
    set(key, value, ttlMs) {
      const now = clock.now();
      for (const [k, e] of entries) if (now >= e.expiresAt) entries.delete(k);
      entries.delete(key);
      entries.set(key, { value: structuredClone(value), expiresAt: now + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    health: () => ({ ok: true, kind: 'memory', entries: entries.size }),
  };
}

export interface ResponseCache {
  /** The cached value of `key` when fresh and valid, else `load()` (shared by concurrent callers) stored for `ttlMs`. */
  through<T>(key: string, ttlMs: number, schema: z.ZodType<T>, load: () => Promise<T>): Promise<T>;
  health(): Promise<CacheHealth>;
}

/**
 * A store failure never fails a call: the read goes to Pluggy, the failure is logged and shows in health().
 * Cached values are parsed again on the way out, so a damaged DB row is a miss, not a bad value.
 */
export function createResponseCache(store: CacheStore, logger: Logger, scope: string): ResponseCache {
  const loading = new Map<string, Promise<unknown>>();
  let lastError: string | undefined;

  const note = (what: string, key: string, err: unknown): void => {
    lastError = `${what} failed: ${err instanceof Error ? err.message : String(err)}`;
    logger.warn({ key, err: lastError }, 'pluggy response cache unavailable; reading from Pluggy');
  };

  return {
    async through<T>(key: string, ttlMs: number, schema: z.ZodType<T>, load: () => Promise<T>): Promise<T> {
      const fullKey = `pluggy:${scope}:${key}`;
      try {
        const hit = await store.get(fullKey);
        if (hit !== undefined) {
          const parsed = schema.safeParse(hit);
          if (parsed.success) return parsed.data;
          logger.warn({ key: fullKey }, 'pluggy response cache held an invalid value; reloading');
        }
      } catch (err) {
        note('get', fullKey, err);
      }
      const pending = loading.get(fullKey);
      if (pending) return pending as Promise<T>;
      const fresh = (async () => {
        try {
          const value = await load();
          try {
            await store.set(fullKey, value, ttlMs);
          } catch (err) {
            note('set', fullKey, err);
          }
          return value;
        } finally {
          loading.delete(fullKey);
        }
      })();
      loading.set(fullKey, fresh);
      return fresh;
    },
    async health() {
      try {
        const h = await store.health();
        return lastError !== undefined && h.lastError === undefined ? { ...h, lastError } : h;
      } catch (err) {
        return { ok: false, kind: 'unknown', lastError: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
