// A broken audit chain becomes an audit entry of its own (once a day per break), so the review reports it.
import { appendAudit } from '../audit/append';
import { verifyAuditChain, type ChainReport } from '../audit/verify';
import { getAppState, setAppState } from '../store';
import type { Db } from '../store/db';
import { ACTIONS } from './categories';
import { localDay } from './local-day';

const VERIFIED_DAY = 'security.chainVerifiedDay';
const REPORTED_BREAK = 'security.chainBreakReported';

/** Records a failed verification (once per day and first broken entry). */
export function recordChainReport(db: Db, report: ChainReport, now: number): void {
  if (report.ok) return;
  const key = `${localDay(now)}:${report.firstBadId ?? 0}`;
  if (getAppState<string>(db, REPORTED_BREAK) === key) return;
  db.transaction(() => {
    appendAudit(db, {
      actor: 'system',
      action: ACTIONS.chainBroken,
      outcome: 'failure',
      at: new Date(now).toISOString(),
      details: { firstBadId: report.firstBadId ?? null, problem: report.problem ?? null },
    });
    setAppState(db, REPORTED_BREAK, key);
  }).immediate();
}

/** Verifies the whole chain at most once a local day. */
export function verifyChainDaily(db: Db, now: number): void {
  const today = localDay(now);
  if (getAppState<string>(db, VERIFIED_DAY) === today) return;
  recordChainReport(db, verifyAuditChain(db), now);
  setAppState(db, VERIFIED_DAY, today);
}
