import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getSyncState,
  migrate,
  openDatabase,
  recordSyncFailure,
  recordSyncSuccess,
  type Db,
} from '../../../../src/core/store';
import { ITEM_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';

describe('migration 0040-sync-state', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 30 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('adds per-connection sync state, starting empty for existing connections', () => {
    seedConnection(db);
    const id = ITEM_ID;
    const before = db.prepare('SELECT * FROM connections').all();
    migrate(db, 40);
    expect(db.prepare('SELECT * FROM connections').all()).toEqual(before);
    expect(getSyncState(db, id)).toMatchObject({ watermark: null, consecutiveFailures: 0 });
  });

  it('advances the watermark only forward and resets failures on success', () => {
    seedConnection(db);
    const id = ITEM_ID;
    migrate(db, 40);
    expect(recordSyncFailure(db, id, '2025-01-01T00:00:00.000Z', 'CONNECTION_ERROR')).toBe(1);
    expect(recordSyncFailure(db, id, '2025-01-01T01:00:00.000Z', 'CONNECTION_ERROR')).toBe(2);
    recordSyncSuccess(db, id, {
      at: '2025-01-02T00:00:00.000Z',
      watermark: '2025-01-01T12:00:00.000Z',
      newData: true,
    });
    recordSyncSuccess(db, id, {
      at: '2025-01-03T00:00:00.000Z',
      watermark: '2024-12-01T00:00:00.000Z',
      newData: false,
    });
    expect(getSyncState(db, id)).toMatchObject({
      watermark: '2025-01-01T12:00:00.000Z',
      consecutiveFailures: 0,
      lastSuccessAt: '2025-01-03T00:00:00.000Z',
      lastNewDataAt: '2025-01-02T00:00:00.000Z',
      lastErrorCode: null,
    });
  });

  it('goes away with its connection', () => {
    seedConnection(db);
    const id = ITEM_ID;
    migrate(db, 40);
    recordSyncFailure(db, id, '2025-01-01T00:00:00.000Z', 'SITE_NOT_AVAILABLE');
    db.prepare('DELETE FROM connections WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM sync_state').pluck().get()).toBe(0);
  });
});
