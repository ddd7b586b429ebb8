import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendAudit,
  applyAuditRetention,
  auditExportLines,
  csvCell,
  pageAudit,
  verifyAuditChain,
  writeAuditExport,
  type AuditEntry,
} from '../../../src/core/audit';
import { openDatabase, type Db } from '../../../src/core/store';
import { tempDb, type TempDb } from '../store/temp-db';
import { plainConnection } from './plain-connection';

const KEY = Buffer.alloc(32, 4);

function day(d: number): string {
  return new Date(Date.UTC(2025, 0, 1 + d)).toISOString();
}

describe('audit retention, pages and export', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    for (let d = 0; d < 30; d++) {
      appendAudit(db, {
        at: day(d),
        actor: d % 2 === 0 ? 'sync' : 'user',
        action: d % 3 === 0 ? 'open_finance.sync.failed' : 'open_finance.connection.updated',
        connectionId: d % 5 === 0 ? 'item-5' : 'item-1',
        outcome: d % 3 === 0 ? 'failure' : 'success',
        details: { d, note: d === 7 ? '=HYPERLINK("http://x")' : 'ok, "quoted"' },
      });
    }
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('removes entries older than the cut-off and leaves a signed marker the chain verifies', () => {
    const { removed, marker } = applyAuditRetention(db, { olderThan: day(10), signingKey: KEY, at: day(31) });
    expect(removed).toBe(10);
    expect(marker).toMatchObject({ action: 'audit.retention.truncated', actor: 'system' });
    expect(marker!.details).toMatchObject({ removedCount: 10, removedThroughId: 10, olderThan: day(10) });
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(21);
    expect(db.prepare('SELECT count(*) FROM audit_retention_guard').pluck().get()).toBe(0);
    expect(verifyAuditChain(db, { signingKey: KEY })).toEqual({
      ok: true,
      entries: 21,
      unverifiedMarkers: 0,
    });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unverifiedMarkers: 1 });
    expect(verifyAuditChain(db, { signingKey: Buffer.alloc(32, 5) })).toMatchObject({
      ok: false,
      problem: 'bad_marker_signature',
    });
    // Again, later: the new marker anchors the chain; the old one may go.
    appendAudit(db, { actor: 'user', action: 'app.opened', outcome: 'info' });
    expect(applyAuditRetention(db, { olderThan: day(40), signingKey: KEY }).removed).toBe(21);
    expect(verifyAuditChain(db, { signingKey: KEY })).toEqual({ ok: true, entries: 2, unverifiedMarkers: 0 });
    expect(applyAuditRetention(db, { olderThan: day(0), signingKey: KEY })).toEqual({
      removed: 0,
      marker: null,
    });
  });

  it('removes only a leading run, so an old timestamp after a newer one keeps the chain whole', () => {
    appendAudit(db, { at: day(50), actor: 'system', action: 'app.opened', outcome: 'info' });
    appendAudit(db, { at: day(1), actor: 'system', action: 'app.clock_skew', outcome: 'info' });
    expect(applyAuditRetention(db, { olderThan: day(40), signingKey: KEY }).removed).toBe(30);
    expect(pageAudit(db, { filter: { action: 'app.clock_skew' } }).rows).toHaveLength(1);
    expect(verifyAuditChain(db, { signingKey: KEY }).ok).toBe(true);
  });

  it('does not let the guard table open a hole that the chain would miss', () => {
    db.close();
    const raw = plainConnection(t.file, t.key);
    raw.exec(`INSERT INTO audit_retention_guard VALUES ('sneaky'); DELETE FROM audit_log WHERE id = 12;`);
    raw.close();
    db = openDatabase({ file: t.file, key: t.key });
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, problem: 'broken_link', firstBadId: 13 });
  });

  it('pages newest first by keyset with filters', () => {
    const seen: AuditEntry[] = [];
    let after: string | undefined;
    do {
      const page = pageAudit(db, { limit: 7, ...(after ? { after } : {}) });
      seen.push(...page.rows);
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen.map((e) => e.id)).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
    const failures = pageAudit(db, {
      filter: { action: 'open_finance.sync.failed', outcome: 'failure' },
      limit: 500,
    });
    expect(failures.rows).toHaveLength(10);
    expect(pageAudit(db, { filter: { action: 'open_finance.' }, limit: 500 }).rows).toHaveLength(30);
    expect(
      pageAudit(db, { filter: { connectionId: 'item-5', actor: 'sync' } }).rows.map((r) => r.details['d']),
    ).toEqual([20, 10, 0]);
    expect(pageAudit(db, { filter: { from: day(28), to: day(29) } }).rows).toHaveLength(1);
  });

  it('exports CSV and JSON lines to an owner-only file, oldest first, spreadsheet-safe', async () => {
    const csvFile = join(t.dir, 'audit.csv');
    expect(await writeAuditExport(db, csvFile, 'csv', { actor: 'user' })).toBe(15);
    const csv = readFileSync(csvFile, 'utf8').split('\r\n').filter(Boolean);
    expect(csv[0]).toBe('id,at,actor,action,connection_id,outcome,details,prev_hash,hash');
    expect(csv).toHaveLength(16);
    expect(csv[1]).toMatch(
      /^2,2025-01-02T00:00:00.000Z,user,open_finance.connection.updated,item-1,success,"{""d"":1,/,
    );
    expect(statSync(csvFile).mode & 0o777).toBe(0o600);
    expect(csvCell('=SUM(A1)')).toBe(`'=SUM(A1)`);
    expect(csvCell('-1')).toBe(`'-1`);

    const jsonFile = join(t.dir, 'audit.jsonl');
    expect(await writeAuditExport(db, jsonFile, 'jsonl')).toBe(30);
    const lines = readFileSync(jsonFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(lines.map((e) => e.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(lines[7]!.details['note']).toBe('=HYPERLINK("http://x")');
    expect([...auditExportLines(db, 'jsonl', { outcome: 'failure' })]).toHaveLength(10);
  });
});
