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
import { rewriteInBatches } from '../../../../src/core/store/migrations/batched-rewrite';
import type { StoreProgress } from '../../../../src/core/store/store-progress';
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
    expect(() => migrate(db, 20, { migrations: broken })).toThrow('boom');
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

  it('reports a batched rewrite as whole percents of all pending migrations, ending at 100%', () => {
    const seen: StoreProgress[] = [];
    const doubling: Migration[] = [
      { version: 10, name: 'table', up: (d) => d.exec('CREATE TABLE n (k INTEGER PRIMARY KEY, v INTEGER)') },
      {
        version: 20,
        name: 'fill',
        up: (d) =>
          d.exec(
            'WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000) INSERT INTO n SELECT i, i FROM s',
          ),
      },
      {
        version: 30,
        name: 'double',
        up(d, ctx) {
          const write = d.prepare('UPDATE n SET v = v * 2 WHERE k = ?');
          rewriteInBatches<{ k: number }>(d, ctx, {
            countSql: 'SELECT count(*) FROM n',
            readSql: 'SELECT k FROM n WHERE k > ? ORDER BY k LIMIT ?',
            key: (row) => row.k,
            rewrite: (row) => write.run(row.k),
            batchSize: 100,
          });
        },
      },
    ];
    expect(migrate(db, 30, { migrations: doubling, onProgress: (p) => seen.push(p) }).applied).toEqual([
      10, 20, 30,
    ]);
    expect(db.prepare('SELECT sum(v) FROM n').pluck().get()).toBe(5000 * 5001);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(new Set(fractions).size).toBe(fractions.length - 1); // the closing 100% repeats the last batch's
    expect(fractions.at(-1)).toBe(1);
    const during = seen.filter((p) => p.migration?.name === 'double').map((p) => p.fraction);
    expect(during.length).toBeGreaterThan(30); // one report per whole percent of its third
    expect(Math.min(...during)).toBeCloseTo(0.66, 2);
  });
});
