// Prepared statements cached per connection, so repositories can call `prepared(db, sql)` in hot paths.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './db';

export type Stmt = Database.Statement<unknown[], unknown>;

const caches = new WeakMap<Db, Map<string, Stmt>>();

/** The statement for `sql` on `db`, prepared once per connection. */
export function prepared(db: Db, sql: string): Stmt {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

/** Current time as canonical ISO text. */
export function nowIso(): string {
  return new Date().toISOString();
}
