import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  advanceAccountWatermark,
  getAccountWatermark,
  migrate,
  openDatabase,
  recordSyncSuccess,
  type Db,
} from '../../../../src/core/store';
import { ITEM_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';

describe('migration 0101-account-watermarks', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 100 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('gives every account of an item its item’s watermark, which then only moves forward', () => {
    seedConnection(db, ITEM_ID, ['acc-1', 'acc-2']);
    recordSyncSuccess(db, ITEM_ID, {
      at: '2025-03-02T00:00:00.000Z',
      watermark: '2025-03-01T10:00:00.000Z',
      newData: true,
    });
    migrate(db, 101);
    expect(getAccountWatermark(db, 'acc-1')).toBe('2025-03-01T10:00:00.000Z');
    expect(getAccountWatermark(db, 'acc-2')).toBe('2025-03-01T10:00:00.000Z');
    advanceAccountWatermark(db, 'acc-1', '2025-02-01T00:00:00.000Z');
    expect(getAccountWatermark(db, 'acc-1')).toBe('2025-03-01T10:00:00.000Z');
    advanceAccountWatermark(db, 'acc-1', '2025-03-05T00:00:00.000Z');
    expect(getAccountWatermark(db, 'acc-1')).toBe('2025-03-05T00:00:00.000Z');
  });
});
