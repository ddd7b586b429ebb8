import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAppState, migrate, openDatabase, setAppState, type Db } from '../../../../src/core/store';
import { ITEM_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';

describe('migration 0050-app-state', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 40 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('adds a key/value table and leaves existing data as it was', () => {
    seedConnection(db);
    const before = db.prepare('SELECT * FROM connections').all();
    migrate(db, 50);
    expect(db.prepare('SELECT * FROM connections').all()).toEqual(before);
    expect(getAppState(db, 'relay.cursor')).toBeNull();
    setAppState(db, 'relay.cursor', { cursor: '42', at: ITEM_ID });
    setAppState(db, 'relay.cursor', { cursor: '43' });
    expect(getAppState(db, 'relay.cursor')).toEqual({ cursor: '43' });
  });
});
