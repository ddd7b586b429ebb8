import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core/store';
import { createDbCacheStore } from '../../../src/core/store/db-cache-store';
import { tempDb, type TempDb } from './temp-db';

describe('the DB-backed response cache', () => {
  let t: TempDb;
  let db: Db;
  let now = 1_000_000;
  const clock = { now: () => now };
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('returns a value until its TTL passes, and survives a reopen', () => {
    const cache = createDbCacheStore(db, clock);
    cache.set('pluggy:connectors', { results: [{ id: 0 }] }, 60_000);
    expect(cache.get('pluggy:connectors')).toEqual({ results: [{ id: 0 }] });
    db.close();
    db = openDatabase({ file: t.file, key: t.key });
    const reopened = createDbCacheStore(db, clock);
    expect(reopened.get('pluggy:connectors')).toEqual({ results: [{ id: 0 }] });
    now += 60_001;
    expect(reopened.get('pluggy:connectors')).toBeUndefined();
    expect(reopened.health()).toMatchObject({ ok: true, kind: 'sqlite', entries: 0 });
  });

  it('reports a failing store in its health instead of failing the caller', () => {
    const cache = createDbCacheStore(db, clock);
    db.close();
    expect(cache.get('k')).toBeUndefined();
    expect(() => cache.set('k', 1, 1000)).not.toThrow();
    expect(cache.health()).toMatchObject({ ok: false, kind: 'sqlite' });
  });
});
