// Handlers of audit.*, notices.* and sync.runs: what happened, from the local DB.
import type { AuditFilter as ContractAuditFilter, SyncRunView } from '../../shared/contract';
import { auditExportLines, pageAudit, verifyAuditChain, type AuditFilter } from '../audit';
import type { AuditEntry } from '../audit';
import type { Handlers } from '../router/router';
import type { CoreContext } from '../core-context';
import {
  dismissAllNotices,
  dismissNotice,
  getConnection,
  listConnections,
  listNotices,
  listSyncRuns,
} from '../store';
import type { StoredConnection, SyncRun } from '../store';
import { noticeView } from '../notices/notice-view';
import { recordChainReport } from '../security-review/chain-check';
import { recordExport } from '../security-review/record-export';
import { raiseReviewNotices } from '../security-review/review-notice';
import { reviewDay } from '../security-review/review';
import type { Db } from '../store/db';
import { connectionName } from '../../shared/connections/name';

const nameOf = (c: StoredConnection | null) => (c ? connectionName(c) : undefined);

type RecordHandlers = Pick<
  Handlers,
  'audit.page' | 'audit.export' | 'audit.verify' | 'notices.list' | 'notices.dismiss' | 'sync.runs'
>;

const FAMILY_PREFIX = { connection: 'open_finance.connection.', sync: 'open_finance.sync.' } as const;

/** The UI's filter (families, days) in the audit store's terms (action prefixes, ISO bounds). */
export function toAuditFilter(filter: ContractAuditFilter): AuditFilter {
  const out: AuditFilter = {};
  if (filter.family === 'connection' || filter.family === 'sync') out.action = FAMILY_PREFIX[filter.family];
  if (filter.family === 'error') out.outcome = 'failure';
  if (filter.family === 'user') out.actor = 'user';
  if (filter.actor) out.actor = filter.actor;
  if (filter.action) out.action = filter.action;
  if (filter.connectionId) out.connectionId = filter.connectionId;
  if (filter.outcome === 'success' || filter.outcome === 'failure' || filter.outcome === 'info')
    out.outcome = filter.outcome;
  if (filter.dateFrom) out.from = `${filter.dateFrom}T00:00:00.000Z`;
  if (filter.dateTo)
    out.to = new Date(Date.parse(`${filter.dateTo}T00:00:00.000Z`) + 86_400_000).toISOString();
  if (filter.text) out.text = filter.text;
  if (filter.terms) out.terms = filter.terms;
  return out;
}

function summarize(e: AuditEntry): string {
  const d = e.details;
  const pick = [
    'query',
    'rows',
    'inserted',
    'updated',
    'unchanged',
    'removed',
    'listed',
    'skipped',
    'path',
    'code',
    'count',
    'reason',
  ];
  return pick
    .filter((k) => d[k] !== undefined && d[k] !== null)
    .map((k) => `${k}=${String(d[k])}`)
    .join(' ');
}

function runView(db: Db, run: SyncRun): SyncRunView {
  const entries = pageAudit(db, {
    filter: {
      connectionId: run.connectionId,
      from: run.startedAt,
      ...(run.finishedAt ? { to: new Date(Date.parse(run.finishedAt) + 1).toISOString() } : {}),
    },
    limit: 200,
  }).rows.filter((e) => e.details['runId'] === undefined || e.details['runId'] === run.id);
  return {
    id: run.id,
    itemId: run.connectionId,
    bankName: nameOf(getConnection(db, run.connectionId)) ?? run.connectionId,
    reason: run.reason,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    outcome: run.outcome,
    counts: run.counts,
    errorCode: run.errorCode,
    timeline: entries
      .reverse()
      .map((e) => ({ at: e.at, action: e.action, summary: summarize(e), details: e.details })),
  };
}

/** The UI's filter, with a security review's day turned into the ids of the entries it found. */
function auditFilterOf(db: Db, filter: ContractAuditFilter): AuditFilter {
  const out = toAuditFilter(filter);
  if (filter.review) out.ids = reviewDay(db, filter.review).entryIds;
  return out;
}

export function recordHandlers(ctx: CoreContext): RecordHandlers {
  return {
    'audit.page': ({ filter, after, limit }) => {
      const page = pageAudit(ctx.db(), {
        filter: auditFilterOf(ctx.db(), filter),
        limit,
        ...(after ? { after } : {}),
      });
      return {
        rows: page.rows.map((e) => ({
          id: e.id,
          at: e.at,
          actor: e.actor,
          action: e.action,
          connectionId: e.connectionId,
          outcome: e.outcome,
          details: e.details,
        })),
        next: page.nextCursor,
      };
    },
    'audit.export': ({ format, filter }) => {
      const chunks = [...auditExportLines(ctx.db(), format, auditFilterOf(ctx.db(), filter))];
      const rows = format === 'csv' ? chunks.length - 1 : chunks.length;
      const stamp = new Date(ctx.clock.now()).toISOString().slice(0, 10);
      recordExport(ctx.db(), 'audit', { format, rows }, new Date(ctx.clock.now()).toISOString());
      return {
        fileName: `cofre-auditoria-${stamp}.${format === 'csv' ? 'csv' : 'jsonl'}`,
        mimeType: format === 'csv' ? 'text/csv' : 'application/x-ndjson',
        content: chunks.join(''),
        rows,
      };
    },
    'audit.verify': () => {
      const report = verifyAuditChain(ctx.db());
      recordChainReport(ctx.db(), report, ctx.clock.now());
      return { ok: report.ok, checked: report.entries, brokenAt: report.firstBadId ?? null };
    },
    'notices.list': ({ includeDismissed }) => {
      // Cheap (two days of indexed audit rows): the bell, which polls, sees a new finding within a minute.
      raiseReviewNotices(ctx.db(), ctx.events, ctx.clock.now());
      return listNotices(ctx.db(), { includeDismissed: includeDismissed ?? false }).map(noticeView);
    },
    'notices.dismiss': (input) => {
      const at = new Date(ctx.clock.now()).toISOString();
      const dismissed =
        'all' in input
          ? dismissAllNotices(ctx.db(), undefined, at)
          : dismissNotice(ctx.db(), input.id, at)
            ? 1
            : 0;
      return { dismissed };
    },
    'sync.runs': ({ itemId, limit }) => {
      const db = ctx.db();
      const ids = itemId ? [itemId] : listConnections(db, { includeArchived: true }).map((c) => c.id);
      const runs = ids.flatMap((id) => listSyncRuns(db, id, limit));
      runs.sort((a, b) => b.id - a.id);
      return runs.slice(0, limit).map((r) => runView(db, r));
    },
  };
}
