// Reads one account's transactions as planned, one DB transaction (rows + audit entry) per page.
import { appendAudit } from '../audit/append';
import { logUnknownValues } from '../pluggy/unknown-values-log';
import {
  getAccount,
  markSeen,
  markTransactionsRemoved,
  nextDay,
  unseenLiveIdsSince,
  rowCreatedAt,
  upsertTransactionRows,
  type RowValues,
  type UpsertCounts,
} from '../store';
import { createGroupCommit, type GroupCommit } from './group-commit';
import type { SkippedRow } from './page-decoder/decode-row-page';
import { prefetchOne } from './prefetch';
import type { RunContext } from './run-context';
import type { TransactionQuery } from './sync-api';
import type { DateRange, ReadPlan } from './windows';

export interface AccountCounts {
  pages: number;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Rows Pluggy sent that could not be read: left out, each with an audit entry. */
  skipped: number;
}

export interface AccountReadResult extends AccountCounts {
  /** Newest Pluggy `createdAt` read, for the next watermark. */
  maxCreatedAt: string | null;
  /** A row left out had no readable id: which stored row it was is unknown, so none may look deleted. */
  skippedWithoutId: boolean;
}

export function emptyCounts(): AccountCounts {
  return { pages: 0, rows: 0, inserted: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0 };
}

const emptyResult = (): AccountReadResult => ({
  ...emptyCounts(),
  maxCreatedAt: null,
  skippedWithoutId: false,
});

type QueryKind = 'full' | 'created' | 'window' | 'ids';

/** One page as read, on its way to the DB. */
export interface PageWrite {
  accountId: string;
  kind: QueryKind;
  /** The posted-date range the page was read from, when the read had one (kept in the audit entry). */
  range: DateRange | null;
  rows: readonly RowValues[];
  /** Rows of the page left out (see decode-row-page.ts). */
  skipped: readonly SkippedRow[];
}

export type PageCommitter = GroupCommit<PageWrite, UpsertCounts>;

// Pages already read when the event loop comes around commit together; none waits for a page still on
// the wire: in the sync bench a 10–40 ms wait only delayed the reads queued behind it.
const GROUP_WAIT_MS = 0;
// Eight 500-row pages commit in ~80 ms, still short of a stall anyone notices; each commit re-encrypts
// the index pages it touched, so four took 12% longer in the sync bench (14,900 pages written, not 12,400).
const GROUP_MAX_PAGES = 8;

/** The run's page writer: pages read at the same time commit together, each with its own audit entry. */
export function createPageCommitter(
  ctx: Pick<RunContext, 'db' | 'itemId' | 'runId' | 'startedAt' | 'seenMark'>,
): PageCommitter {
  return createGroupCommit({
    maxWaitMs: GROUP_WAIT_MS,
    maxItems: GROUP_MAX_PAGES,
    commitAll: (writes) => ctx.db.transaction(() => writes.map((w) => storePage(ctx, w))).immediate(),
  });
}

/**
 * After a date read reached its last page, a row we hold in its range that this run never saw was deleted
 * at Pluggy (e.g. a card purchase re-created under a new id): mark it, never keep both. The range's first
 * day is left out: whether Pluggy counts a late-evening row (UTC vs São Paulo time) in that day is not
 * documented, and a row merely outside its filter must never look deleted. "Never saw" is decided by the
 * run's mark, not by times: a PC clock stepped back must not hide a deletion.
 */
function removeUnseen(
  ctx: RunContext,
  accountId: string,
  dateFrom: string,
  why: string,
  read: AccountReadResult,
): number {
  if (read.skippedWithoutId) {
    ctx.logger.warn({ accountId, why }, 'a row without a readable id was left out; nothing marked removed');
    return 0;
  }
  const gone = unseenLiveIdsSince(ctx.db, accountId, nextDay(dateFrom), ctx.seenMark);
  return gone.length > 0 ? removeTransactions(ctx, accountId, gone, why) : 0;
}

export async function readAccount(
  ctx: RunContext,
  accountId: string,
  plan: ReadPlan,
  onPage: (rows: number) => void,
): Promise<AccountReadResult> {
  const result = emptyResult();
  const read = (kind: QueryKind, query: TransactionQuery) =>
    readPages(ctx, accountId, kind, query, result, onPage);

  if (plan.full) {
    await allOrFirstError(plan.full.ranges.map((range) => read('full', range)));
    // A first sync cut short leaves rows behind; a later full read must also drop the ones Pluggy lost.
    result.removed += removeUnseen(ctx, accountId, plan.full.dateFrom, 'full', result);
  }
  if (plan.created) await read('created', plan.created);
  if (plan.window) {
    await read('window', plan.window);
    result.removed += removeUnseen(ctx, accountId, plan.window.dateFrom, 'window', result);
  }
  return result;
}

/** Waits for every read, even after one failed (none may write after the run ended), then throws the first failure. */
async function allOrFirstError(reads: Promise<void>[]): Promise<void> {
  const settled = await Promise.allSettled(reads);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Re-reads the given ids (a `transactions/updated` hint); returns what changed. */
export async function rereadIds(
  ctx: RunContext,
  accountId: string,
  ids: string[],
): Promise<AccountReadResult> {
  const result = emptyResult();
  for (let i = 0; i < ids.length; i += 500) {
    await readPages(ctx, accountId, 'ids', { ids: ids.slice(i, i + 500) }, result, () => undefined);
  }
  return result;
}

async function readPages(
  ctx: RunContext,
  accountId: string,
  kind: QueryKind,
  query: TransactionQuery,
  result: AccountReadResult,
  onPage: (rows: number) => void,
): Promise<void> {
  const leave = ctx.pages.join();
  const accountType = getAccount(ctx.db, accountId)?.type ?? null;
  try {
    const decode = (body: Buffer) => ctx.decodePage(body, accountType);
    const pages = ctx.api.transactionPages(accountId, { ...query, signal: ctx.signal }, decode);
    for await (const { rows, skipped, unknown } of prefetchOne(pages)) {
      logUnknownValues(ctx.logger, unknown);
      const counts = await ctx.pages.write({ accountId, kind, range: rangeOf(query), rows, skipped });
      addPage(result, rows, counts);
      result.skipped += skipped.length;
      if (skipped.some((row) => row.id === null)) result.skippedWithoutId = true;
      onPage(rows.length);
    }
  } finally {
    leave();
  }
}

function rangeOf({ dateFrom, dateTo }: TransactionQuery): DateRange | null {
  if (dateFrom === undefined) return null;
  return dateTo === undefined ? { dateFrom } : { dateFrom, dateTo };
}

/** One page's rows and its audit entry, plus one per row left out; runs inside the committer's transaction. */
function storePage(
  ctx: Pick<RunContext, 'db' | 'itemId' | 'runId' | 'startedAt' | 'seenMark'>,
  { accountId, kind, range, rows, skipped }: PageWrite,
): UpsertCounts {
  const counts = upsertTransactionRows(ctx.db, rows, {
    seenAt: ctx.startedAt,
    seenMark: ctx.seenMark,
    source: { actor: 'sync', runId: ctx.runId },
  });
  appendAudit(ctx.db, {
    actor: 'sync',
    action: 'open_finance.sync.page',
    connectionId: ctx.itemId,
    outcome: 'success',
    details: {
      runId: ctx.runId,
      accountId,
      query: kind,
      ...range,
      rows: rows.length,
      ...counts,
      ...(skipped.length > 0 ? { skipped: skipped.length } : {}),
    },
  });
  // A row Pluggy sent is still there even when it could not be read: its stored copy must not look deleted.
  markSeen(
    ctx.db,
    skipped.flatMap((row) => (row.id === null ? [] : [row.id])),
    ctx.seenMark,
  );
  for (const row of skipped) {
    appendAudit(ctx.db, {
      actor: 'sync',
      action: 'open_finance.sync.row_skipped',
      connectionId: ctx.itemId,
      outcome: 'failure',
      details: { runId: ctx.runId, accountId, kind: 'transaction', ...row },
    });
  }
  return counts;
}

function addPage(result: AccountReadResult, rows: readonly RowValues[], counts: UpsertCounts): void {
  result.pages += 1;
  result.rows += rows.length;
  result.inserted += counts.inserted;
  result.updated += counts.updated;
  result.unchanged += counts.unchanged;
  for (const row of rows) {
    const createdAt = rowCreatedAt(row);
    if (createdAt !== null && (result.maxCreatedAt === null || createdAt > result.maxCreatedAt)) {
      result.maxCreatedAt = createdAt;
    }
  }
}

export function removeTransactions(ctx: RunContext, accountId: string, ids: string[], why: string): number {
  return ctx.db
    .transaction(() => {
      const removed = markTransactionsRemoved(ctx.db, ids, ctx.startedAt, {
        actor: 'sync',
        runId: ctx.runId,
      });
      appendAudit(ctx.db, {
        actor: 'sync',
        action: 'open_finance.transactions.removed',
        connectionId: ctx.itemId,
        outcome: 'success',
        details: { runId: ctx.runId, accountId, why, count: removed, ids: ids.slice(0, 50) },
      });
      return removed;
    })
    .immediate();
}
