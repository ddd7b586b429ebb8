import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../../../../src/core/store';
import { samplePage } from '../sample-data';
import { ACCOUNT_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';
import { insertAsVersion70 } from './version-70-rows';

describe('migration 0030-audit-log', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 20 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('adds the append-only audit log and leaves existing data as it was', () => {
    seedConnection(db);
    insertAsVersion70(db, samplePage(0, 25, ACCOUNT_ID));
    const before = db.prepare('SELECT * FROM transactions ORDER BY id').all();
    migrate(db, 30);
    expect(db.prepare('SELECT * FROM transactions ORDER BY id').all()).toEqual(before);
    db.prepare(
      `INSERT INTO audit_log (at, actor, action, outcome, details, prev_hash, hash)
       VALUES ('2025-01-01T00:00:00.000Z', 'user', 'app.test', 'success', '{}', 'p', 'h')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_log SET action = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO audit_log (at, actor, action, outcome, details, prev_hash, hash)
         VALUES ('2025-01-01T00:00:00.000Z', 'hacker', 'a', 'success', '{}', 'p', 'h')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
  });
});
