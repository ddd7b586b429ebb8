import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  markSeen,
  migrate,
  openDatabase,
  takeSeenMark,
  unseenLiveIdsSince,
  type Db,
} from '../../../../src/core/store';
import { samplePage } from '../sample-data';
import { ACCOUNT_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';
import { insertAsVersion70 } from './version-70-rows';

describe('migration 0100-seen-marks', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 70 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('leaves stored rows seen by no run yet, and hands out increasing marks from 1', () => {
    seedConnection(db);
    const page = samplePage(0, 5, ACCOUNT_ID);
    insertAsVersion70(db, page);
    migrate(db, 100);
    expect(db.prepare('SELECT DISTINCT seen_mark FROM transactions').pluck().all()).toEqual([0]);
    const mark = takeSeenMark(db);
    expect(mark).toBe(1);
    expect(takeSeenMark(db)).toBe(2);
    // A run with mark 2 that read only the first row: the other four are the ones it did not see.
    markSeen(db, [page[0]!.id], 2);
    expect(unseenLiveIdsSince(db, ACCOUNT_ID, '2000-01-01', 2).sort()).toEqual(
      page
        .slice(1)
        .map((p) => p.id)
        .sort(),
    );
  });
});
