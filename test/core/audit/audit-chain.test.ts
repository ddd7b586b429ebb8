import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain, GENESIS_HASH, type AuditEntry } from '../../../src/core/audit';
import { openDatabase, upsertTransactions, type Db } from '../../../src/core/store';
import { AppError } from '../../../src/shared/errors';
import { samplePage } from '../store/sample-data';
import { ACCOUNT_ID, ITEM_ID, seedConnection } from '../store/seed';
import { tempDb, type TempDb } from '../store/temp-db';
import { plainConnection } from './plain-connection';

describe('audit log chain', () => {
  let t: TempDb;
  let db: Db;
  let entries: AuditEntry[];
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    entries = [];
    for (let i = 0; i < 5; i++) {
      entries.push(
        appendAudit(db, {
          actor: 'sync',
          action: 'open_finance.sync.finished',
          connectionId: ITEM_ID,
          outcome: 'success',
          details: { n: i },
        }),
      );
    }
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  /** Runs SQL through a separate raw connection with the triggers dropped, as an outside editor could. */
  function tamper(sql: string, ...params: unknown[]): void {
    db.close();
    const raw = plainConnection(t.file, t.key);
    raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    raw.prepare(sql).run(...params);
    raw.close();
    db = openDatabase({ file: t.file, key: t.key });
  }

  it('links every entry to the previous one by SHA-256, from the genesis hash', () => {
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 5, unverifiedMarkers: 0 });
  });

  it('has triggers that refuse UPDATE and DELETE', () => {
    expect(() => db.prepare(`UPDATE audit_log SET outcome = 'failure' WHERE id = 2`).run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('finds one row whose bytes were edited through a plain SQL connection', () => {
    tamper(`UPDATE audit_log SET details = '{"n":99}' WHERE id = ?`, entries[2]!.id);
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBadId: entries[2]!.id,
      problem: 'hash_mismatch',
    });
  });

  it('finds an edit whose author also recomputed that row hash', () => {
    tamper(`UPDATE audit_log SET outcome = 'failure', hash = ? WHERE id = ?`, 'f'.repeat(64), entries[1]!.id);
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.firstBadId).toBe(entries[1]!.id);
  });

  it('finds a removed row in the middle, at the start and at the end', () => {
    tamper('DELETE FROM audit_log WHERE id = ?', entries[2]!.id);
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBadId: entries[3]!.id,
      problem: 'broken_link',
    });
    tamper('DELETE FROM audit_log WHERE id <= ?', entries[2]!.id);
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBadId: entries[3]!.id,
      problem: 'unanchored_start',
    });
    tamper('DELETE FROM audit_log WHERE id = ?', entries[4]!.id);
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/unanchored_start|tail_removed/),
    });
  });

  it('finds the newest rows removed', () => {
    tamper('DELETE FROM audit_log WHERE id >= ?', entries[3]!.id);
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      problem: 'tail_removed',
      firstBadId: entries[3]!.id,
    });
  });

  it('commits with the change it records, and rolls back with it', () => {
    seedConnection(db);
    const record = (fail: boolean) =>
      db.transaction(() => {
        const counts = upsertTransactions(db, samplePage(0, 10, ACCOUNT_ID));
        appendAudit(db, {
          actor: 'sync',
          action: 'open_finance.sync.page',
          connectionId: ITEM_ID,
          outcome: 'success',
          details: { ...counts },
        });
        if (fail) throw new Error('disk full');
      })();
    expect(() => record(true)).toThrow('disk full');
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(5);
    expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(0);
    record(false);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(6);
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('rejects malformed entries with invalid_input', () => {
    const bad = [
      { actor: 'robot', action: 'a.b', outcome: 'success' },
      { actor: 'user', action: 'NotDotted', outcome: 'success' },
      { actor: 'user', action: 'a.b', outcome: 'maybe' },
      { actor: 'system', action: 'audit.retention.truncated', outcome: 'info' },
    ];
    for (const input of bad) {
      try {
        appendAudit(db, input as Parameters<typeof appendAudit>[1]);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('invalid_input');
      }
    }
  });
});
