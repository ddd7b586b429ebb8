// A broken audit chain found by the daily check (or the Audit screen's) becomes one finding of that day's review.
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../../src/core/audit';
import { recordChainReport, verifyChainDaily } from '../../../src/core/security-review/chain-check';
import { localDay } from '../../../src/core/security-review/local-day';
import { reviewDay } from '../../../src/core/security-review/review';
import { openDatabase, type Db } from '../../../src/core/store';
import { tempDb, type TempDb } from '../store/temp-db';

let t: TempDb | undefined;
let db: Db | undefined;
afterEach(() => {
  db?.close();
  t?.cleanup();
});

describe('audit chain check in the daily review', () => {
  it('records a break once a day and the review counts it; an intact chain records nothing', () => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    for (let i = 0; i < 3; i++) {
      appendAudit(db, { actor: 'system', action: 'test.entry.written', outcome: 'info', details: { i } });
    }
    const now = Date.now();
    verifyChainDaily(db, now);
    expect(reviewDay(db, localDay(now)).counts).toEqual({});

    // Someone with the key edits a row outside the app.
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET details = '{"i":99}' WHERE id = 2`).run();
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    recordChainReport(db, report, now);
    recordChainReport(db, report, now + 1000);
    const review = reviewDay(db, localDay(now));
    expect(review.counts).toEqual({ audit_chain_broken: 1 });
    const entry = db
      .prepare(`SELECT details FROM audit_log WHERE action = 'audit.chain.verify_failed'`)
      .pluck()
      .all();
    expect(entry.map((d) => JSON.parse(String(d)))).toEqual([{ firstBadId: 2, problem: 'hash_mismatch' }]);
  });
});
