import { openSync, writeSync, closeSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbStats, openDatabase, upsertTransactions, vacuumDatabase, type Db } from '../../../src/core/store';
import { samplePage } from './sample-data';
import { ACCOUNT_ID, seedConnection } from './seed';
import { tempDb, type TempDb } from './temp-db';

describe('dbStats', () => {
  let t: TempDb;
  let db: Db | undefined;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
    upsertTransactions(db, samplePage(0, 500, ACCOUNT_ID));
  });
  afterEach(() => {
    db?.close();
    t.cleanup();
  });

  it('reports sizes, rows per table and the schema, and checks integrity on demand', () => {
    const s = dbStats(db!);
    expect(s.rows).toMatchObject({ connections: 1, accounts: 1, transactions: 500, audit_log: 0, cache: 0 });
    expect(Object.keys(s.rows).some((k) => k.startsWith('transactions_fts_'))).toBe(false);
    expect(s.fileBytes + s.walBytes).toBeGreaterThan(0);
    expect(s.pageCount).toBeGreaterThan(0);
    expect(s.journalMode).toBe('wal');
    expect(s.lastVacuumAt).toBeNull();
    expect(s.integrity).toBeUndefined();
    expect(dbStats(db!, { integrity: true })).toMatchObject({ integrity: ['ok'], foreignKeyProblems: 0 });
  });

  it('records the last vacuum', () => {
    vacuumDatabase(db!, '2025-03-01T00:00:00.000Z');
    expect(dbStats(db!).lastVacuumAt).toBe('2025-03-01T00:00:00.000Z');
  });

  it('reports a damaged page that opening alone does not read, and still reports the rest', () => {
    db!.pragma('wal_checkpoint(TRUNCATE)');
    const pages = Number(db!.pragma('page_count', { simple: true }));
    db!.close();
    db = undefined;
    const fd = openSync(t.file, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (pages - 2) * 4096 + 100);
    closeSync(fd);
    db = openDatabase({ file: t.file, key: t.key });
    const s = dbStats(db, { integrity: true });
    expect(s.integrity).not.toEqual(['ok']);
    expect(s.rows['connections']).toBe(1);
  });
});
