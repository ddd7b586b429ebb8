import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/shared/errors';
import {
  LATEST_VERSION,
  MIGRATIONS,
  migrate,
  openDatabase,
  readUserVersion,
  type Db,
} from '../../../../src/core/store';
import type { Migration } from '../../../../src/core/store';
import { tempDb, type TempDb } from '../temp-db';

describe('migration runner', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 0 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('applies migrations in order and records the version in user_version', () => {
    expect(readUserVersion(db)).toBe(0);
    expect(migrate(db, 20)).toEqual({ from: 0, to: 20, applied: [10, 20] });
    expect(migrate(db)).toEqual({
      from: 20,
      to: LATEST_VERSION,
      applied: MIGRATIONS.map((m) => m.version).filter((v) => v > 20),
    });
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, applied: [] });
  });

  it('runs all pending migrations in one transaction: a failure leaves nothing applied', () => {
    const broken: Migration[] = [
      { version: 10, name: 'a', up: (d) => d.exec('CREATE TABLE a (x)') },
      {
        version: 20,
        name: 'b',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, 20, broken)).toThrow('boom');
    expect(readUserVersion(db)).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'a'`).pluck().get()).toBe(0);
  });

  it('refuses to migrate down or to run on a database from the future', () => {
    migrate(db);
    expect(() => migrate(db, 10)).toThrow(AppError);
    db.pragma(`user_version=${LATEST_VERSION + 1}`);
    try {
      migrate(db);
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('db_from_future');
    }
  });
});
