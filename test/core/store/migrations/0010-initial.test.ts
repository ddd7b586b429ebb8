import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, readUserVersion, type Db } from '../../../../src/core/store';
import { tempDb, type TempDb } from '../temp-db';

describe('migration 0010-initial', () => {
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

  it('creates the data and machinery tables with cascading foreign keys', () => {
    migrate(db, 10);
    expect(readUserVersion(db)).toBe(10);
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all();
    for (const name of [
      'connections',
      'accounts',
      'transactions',
      'webhook_events',
      'sync_runs',
      'retry_queue',
      'notices',
      'cache',
      'store_meta',
    ]) {
      expect(tables).toContain(name);
    }
    const at = '2025-01-01T00:00:00.000Z';
    db.prepare(
      `INSERT INTO connections (id, connector_id, connector_name, status, execution_status, pluggy_created_at,
       pluggy_updated_at, first_seen_at, changed_at, raw_hash, raw) VALUES ('i', 1, 'Bank', 'UPDATED', 'SUCCESS',
       ?, ?, ?, ?, 'h', '{}')`,
    ).run(at, at, at, at);
    db.prepare(
      `INSERT INTO accounts (id, connection_id, type, name, balance, currency_code, first_seen_at, changed_at,
       raw_hash, raw) VALUES ('a', 'i', 'BANK', 'Conta', 10, 'BRL', ?, ?, 'h', '{}')`,
    ).run(at, at);
    db.prepare(
      `INSERT INTO transactions (sort_key, id, account_id, date, amount, type, description, first_seen_at,
       last_seen_at, changed_at, raw) VALUES (1, 't', 'a', ?, -5, 'DEBIT', 'x', ?, ?, ?, '{}')`,
    ).run(at, at, at, at);
    db.prepare(`INSERT INTO sync_runs (connection_id, reason, started_at) VALUES ('i', 'manual', ?)`).run(at);
    expect(() =>
      db
        .prepare(
          `INSERT INTO accounts (id, connection_id, type, name, balance, currency_code, first_seen_at,
        changed_at, raw_hash, raw) VALUES ('b', 'nope', 'BANK', 'x', 0, 'BRL', ?, ?, 'h', '{}')`,
        )
        .run(at, at),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(`DELETE FROM connections WHERE id = 'i'`).run();
    for (const table of ['accounts', 'transactions', 'sync_runs']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
  });

  it('allows only one active notice per dedupe key', () => {
    migrate(db, 10);
    const at = '2025-01-01T00:00:00.000Z';
    const notice = db.prepare(
      `INSERT INTO notices (created_at, level, kind, message_key, dedupe_key, dismissed_at) VALUES (?, 'info', 'k', 'm', 'd', ?)`,
    );
    notice.run(at, at);
    notice.run(at, null);
    expect(() => notice.run(at, null)).toThrow(/UNIQUE/);
  });
});
