// A small expiring key/value cache in the encrypted DB (the Pluggy client caches responses here).
import type { Db } from './db';
import { prepared } from './prepared';

export interface CacheEntry<T = unknown> {
  value: T;
  storedAt: number;
  expiresAt: number;
}

/** The fresh entry under `key`, or null when absent or expired at `now` (epoch ms). */
export function cacheGet<T = unknown>(db: Db, key: string, now: number = Date.now()): CacheEntry<T> | null {
  const row = prepared(
    db,
    'SELECT value, stored_at AS storedAt, expires_at AS expiresAt FROM cache WHERE key = ? AND expires_at > ?',
  ).get(key, now) as { value: string; storedAt: number; expiresAt: number } | undefined;
  if (!row) return null;
  return { value: JSON.parse(row.value) as T, storedAt: row.storedAt, expiresAt: row.expiresAt };
}

/** Stores a JSON-serialisable value for `ttlMs` milliseconds. */
export function cacheSet(db: Db, key: string, value: unknown, ttlMs: number, now: number = Date.now()): void {
  prepared(
    db,
    `INSERT INTO cache (key, value, stored_at, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, stored_at = excluded.stored_at,
       expires_at = excluded.expires_at`,
  ).run(key, JSON.stringify(value), now, now + Math.max(0, ttlMs));
}

export function cacheDelete(db: Db, key: string): boolean {
  return prepared(db, 'DELETE FROM cache WHERE key = ?').run(key).changes > 0;
}

/** Deletes expired entries; returns how many. */
export function cachePurgeExpired(db: Db, now: number = Date.now()): number {
  return prepared(db, 'DELETE FROM cache WHERE expires_at <= ?').run(now).changes;
}

export interface CacheHealth {
  entries: number;
  expired: number;
  bytes: number;
}

/** For diagnostics: how many entries, how many stale, and the size of their values. */
export function cacheHealth(db: Db, now: number = Date.now()): CacheHealth {
  return prepared(
    db,
    `SELECT count(*) AS entries, coalesce(sum(expires_at <= ?), 0) AS expired,
       coalesce(sum(length(CAST(value AS BLOB))), 0) AS bytes FROM cache`,
  ).get(now) as CacheHealth;
}
