// One sync run of one item: refresh at the bank if asked, wait for it, then read accounts and transactions.
import { setMaxListeners } from 'node:events';
import type { Account, Item } from '../../shared/pluggy';
import { appendAudit } from '../audit/append';
import { explainItem } from '../errors';
import type { AccountList } from '../pluggy/client';
import { pluggyErrorOf } from '../pluggy/errors';
import { refusalOf } from '../pluggy/refusals';
import { raiseFaturaNotices } from '../notices/fatura-notices';
import { noticeView } from '../notices/notice-view';
import {
  addNotice,
  advanceAccountWatermark,
  getAccountWatermark,
  getSyncState,
  markMissingAccountsRemoved,
  oldestPendingDay,
  recordSyncSuccess,
  resolveNotices,
  setRefreshBlockedUntil,
  upsertAccounts,
  upsertConnection,
} from '../store';
import { recordBalanceSnapshots } from '../ledger/balance-snapshots';
import { detectOwnMoves } from '../transfers/detect-own-moves';
import { ItemNotUpdatedError } from './classify-failure';
import { emptyCounts, readAccount, type AccountCounts } from './read-account';
import { readBills } from './read-bills';
import { scheduleRetryAfterSuccess } from './partial-retry';
import { nowIso, type RunContext } from './run-context';
import { isSettled, waitForSettledItem } from './wait-for-item';
import { planReads } from './windows';
import { startProductReads } from './read-products';
import { readConsents } from './read-consents';

/** Notices that a successful sync proves outdated (consent and staleness notices have their own checks). */
const RESOLVED_BY_SUCCESS = ['action_needed', 'repeated_failures', 'mfa_waiting'];

export interface RunTotals extends AccountCounts {
  accounts: number;
  /** Accounts Pluggy listed that could not be read (left out, each with an audit entry). */
  skippedAccounts: number;
}

/** Stores the item as Pluggy describes it now and tells the UI; a bank asking for a code is a notice too. */
export function saveItem(ctx: RunContext, item: Item): void {
  upsertConnection(ctx.db, item, nowIso(ctx.clock));
  ctx.events.emit('connections.changed', { itemId: item.id, at: nowIso(ctx.clock) });
  if (item.status === 'WAITING_USER_INPUT') {
    const added = addNotice(ctx.db, {
      level: 'warning',
      kind: 'mfa_waiting',
      connectionId: item.id,
      messageKey: 'notices.mfa_waiting',
      params: { bank: item.connector.name },
      // One per prompt: a new prompt (new expiry) is a new notice.
      dedupeKey: `mfa:${item.id}:${item.parameter?.expiresAt ?? ''}`,
      at: nowIso(ctx.clock),
    });
    if (added.created) ctx.events.emit('notices.new', noticeView(added.notice));
  } else {
    resolveNotices(ctx.db, item.id, ['mfa_waiting'], nowIso(ctx.clock));
  }
}

const HOUR_MS = 3_600_000;
/** Pluggy's example frequency limit, used when a 409 does not say its own. */
const DEFAULT_MIN_REFRESH_HOURS = 24;
/** Pluggy's example login back-off, used when the refusal does not say until when. */
const DEFAULT_LOGIN_BACKOFF_MS = 15 * 60_000;

function blockRefresh(ctx: RunContext, until: string, why: string): void {
  setRefreshBlockedUntil(ctx.db, ctx.itemId, until);
  ctx.logger.info({ itemId: ctx.itemId, until, why }, 'refresh refused; reading what Pluggy has');
}

/**
 * PATCH /items/{id}, answering each documented refusal: a refresh already running is joined; a refresh
 * refused for its frequency (409) or the rate limit (429) reads what Pluggy has and records when the next
 * one is allowed; a login back-off is recorded, then ends the run. While a refresh is known to be refused,
 * none is sent.
 */
async function refresh(ctx: RunContext): Promise<Item> {
  ctx.progress({ phase: 'refreshing' });
  const state = getSyncState(ctx.db, ctx.itemId);
  const blocked =
    state.refreshBlockedUntil !== null && Date.parse(state.refreshBlockedUntil) > ctx.clock.now();
  // A code the user just typed is always sent: it is what the bank asked for.
  if (blocked && !ctx.refreshParameters) {
    if (state.lastErrorCode === 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES') {
      throw new ItemNotUpdatedError(state.lastErrorCode, 'LOGIN_ERROR');
    }
    return ctx.api.getItem(ctx.itemId);
  }
  try {
    const parameters = ctx.refreshParameters;
    const item = await ctx.api.updateItem(ctx.itemId, parameters ? { parameters } : {});
    setRefreshBlockedUntil(ctx.db, ctx.itemId, null);
    return item;
  } catch (error) {
    const pluggy = pluggyErrorOf(error);
    const refusal = pluggy ? refusalOf(pluggy) : null;
    if (refusal?.kind === 'already_updating') return ctx.api.getItem(ctx.itemId);
    if (refusal?.kind === 'too_frequent') {
      const item = await ctx.api.getItem(ctx.itemId);
      const last = Date.parse(item.lastUpdatedAt ?? '');
      const fallback = (Number.isFinite(last) ? last : ctx.clock.now()) + DEFAULT_MIN_REFRESH_HOURS * HOUR_MS;
      blockRefresh(ctx, refusal.allowedAt ?? new Date(fallback).toISOString(), 'frequency');
      return item;
    }
    if (pluggy?.name === 'PluggyRateLimitError') {
      blockRefresh(ctx, new Date(ctx.clock.now() + (pluggy.retryAfterMs ?? 60_000)).toISOString(), '429');
      return ctx.api.getItem(ctx.itemId);
    }
    if (refusal?.kind === 'login_backoff') {
      const until = refusal.allowedAt ?? new Date(ctx.clock.now() + DEFAULT_LOGIN_BACKOFF_MS).toISOString();
      setRefreshBlockedUntil(ctx.db, ctx.itemId, until);
    }
    throw error;
  }
}

/** Listeners one run's read signal may hold at once (see the engine's RUN_SIGNAL_LISTENERS). */
const RUN_SIGNAL_LISTENERS = 64;

const REFRESHING_REASONS = new Set(['manual', 'retry']);

/** Whether a run for this reason asks the bank for fresh data (PATCH /items) before reading. */
export function refreshesAtBank(reason: string): boolean {
  return REFRESHING_REASONS.has(reason);
}
/** Runs someone is watching may wait for the user to answer the bank; background runs report and stop. */
const INTERACTIVE_REASONS = new Set(['manual', 'connect', 'retry']);
const WAITING_FOR_USER = new Set(['WAITING_USER_INPUT', 'WAITING_USER_ACTION']);

export async function executeRun(ctx: RunContext, wake?: () => Promise<void>): Promise<RunTotals> {
  const refreshing = REFRESHING_REASONS.has(ctx.reason);
  // A run that does not refresh mostly finds the item settled: its accounts are asked for in the same
  // round trip, and the answer is used only if the item was settled then (else it costs one request).
  const early = refreshing ? null : outcomeOf(ctx.api.listAccounts(ctx.itemId));
  let item = refreshing ? await refresh(ctx) : await ctx.api.getItem(ctx.itemId);
  const settledAtOnce = isSettled(item);
  saveItem(ctx, item);
  if (!INTERACTIVE_REASONS.has(ctx.reason) && WAITING_FOR_USER.has(item.status)) {
    throw new ItemNotUpdatedError(item.status, item.status);
  }
  ctx.progress({ phase: 'waiting', itemStatus: item.status });
  item = await waitForSettledItem(ctx, item, {
    onItem: (next) => {
      saveItem(ctx, next);
      ctx.progress({ phase: 'waiting', itemStatus: next.status });
    },
    ...(wake ? { wake } : {}),
  });
  saveItem(ctx, item);
  ctx.signal.throwIfAborted();
  if (item.status !== 'UPDATED') {
    const explanation = explainItem(item);
    throw new ItemNotUpdatedError(explanation.code, item.status);
  }

  // Investments and loans are read beside the accounts; their failures are their own (read-products.ts).
  const products = startProductReads(ctx, item);
  try {
    return await readAccountsAndTransactions(ctx, item, settledAtOnce ? early : null, products.done);
  } finally {
    products.stop();
    await products.done;
  }
}

async function readAccountsAndTransactions(
  ctx: RunContext,
  item: Item,
  early: Promise<Outcome<AccountList>> | null,
  productsDone: Promise<void>,
): Promise<RunTotals> {
  ctx.progress({ phase: 'accounts' });
  const list = await listAccounts(ctx, early);
  storeAccounts(ctx, list, item);
  await readConsents(ctx, item);
  const accounts = list.results;

  const state = getSyncState(ctx.db, ctx.itemId);
  const totals: RunTotals = {
    ...emptyCounts(),
    accounts: accounts.length,
    skippedAccounts: list.skipped.length,
  };
  let maxCreatedAt: string | null = null;
  /** Each account's next watermark, written only once every account was read to its last page. */
  const watermarks = new Map<string, string>();
  let accountsDone = 0;
  ctx.progress({ phase: 'transactions', accountsTotal: accounts.length, accountsDone: 0 });
  // Beside the transactions; it never rejects, and the run waits for it either way.
  const billsRead = readBills(ctx, accounts);
  await forEachAccount(ctx, accounts, async (account, readCtx) => {
    const watermark = getAccountWatermark(ctx.db, account.id);
    const plan = planReads(ctx.clock.now(), watermark, oldestPendingDay(ctx.db, account.id));
    const read = await readAccount(readCtx, account.id, plan, (rows) => {
      totals.pages += 1;
      totals.rows += rows;
      ctx.progress({
        phase: 'transactions',
        accountId: account.id,
        accountName: account.name,
        pages: totals.pages,
        rows: totals.rows,
        accountsDone,
      });
    });
    accountsDone += 1;
    ctx.progress({ phase: 'transactions', accountsDone, pages: totals.pages, rows: totals.rows });
    totals.inserted += read.inserted;
    totals.updated += read.updated;
    totals.unchanged += read.unchanged;
    totals.removed += read.removed;
    totals.skipped += read.skipped;
    if (read.maxCreatedAt && (maxCreatedAt === null || read.maxCreatedAt > maxCreatedAt)) {
      maxCreatedAt = read.maxCreatedAt;
    }
    // An account with nothing new keeps its mark; one read whole for the first time with no rows at all
    // takes the item's previous one (everything ingested before it was read then, by every account).
    const next = read.maxCreatedAt ?? watermark ?? state.watermark;
    if (next !== null) watermarks.set(account.id, next);
  }).finally(() => billsRead);

  // The run's success entry comes after the products' own entries.
  await productsDone;
  // Only now, with every account read to its last page, may the watermark move.
  const at = nowIso(ctx.clock);
  ctx.db
    .transaction(() => {
      for (const [accountId, watermark] of watermarks) advanceAccountWatermark(ctx.db, accountId, watermark);
      recordSyncSuccess(ctx.db, ctx.itemId, {
        at,
        watermark: maxCreatedAt ?? state.watermark,
        newData: totals.inserted + totals.updated + totals.removed > 0,
      });
      scheduleRetryAfterSuccess(ctx, item.executionStatus);
      // Every account read whole: what the ledger check compares its balance against (ledger/).
      recordBalanceSnapshots(ctx.db, ctx.itemId, ctx.runId, at);
      // With every row in: transfers between own accounts, bill payments, one account under two links.
      detectOwnMoves(ctx.db, { runId: ctx.runId, at });
      // A sync that worked answers every notice about this link that asked for a fix.
      resolveNotices(ctx.db, ctx.itemId, RESOLVED_BY_SUCCESS, at);
      appendAudit(ctx.db, {
        actor: 'sync',
        action: 'open_finance.sync.succeeded',
        connectionId: ctx.itemId,
        outcome: 'success',
        at,
        details: { runId: ctx.runId, reason: ctx.reason, executionStatus: item.executionStatus, ...totals },
      });
    })
    .immediate();
  // With the faturas and their entries in: one closing or due within days says so. The run has succeeded
  // already; a notice that could not be raised is logged and tried again at the next check.
  if (accounts.some((a) => a.type === 'CREDIT')) {
    try {
      raiseFaturaNotices(ctx.db, ctx.events, ctx.clock.now());
    } catch (error) {
      ctx.logger.warn({ itemId: ctx.itemId, err: error }, 'fatura notices not raised after the run');
    }
  }
  return totals;
}

async function listAccounts(
  ctx: RunContext,
  early: Promise<Outcome<AccountList>> | null,
): Promise<AccountList> {
  const first = early ? await early : null;
  if (first?.ok) return first.value;
  if (first)
    ctx.logger.info({ itemId: ctx.itemId, err: first.error }, 'early accounts request failed; asking again');
  return ctx.api.listAccounts(ctx.itemId);
}

/**
 * Whether the list holds every account the item has: only then may an account missing from it be marked
 * removed. Not after a partial execution, an accounts product Pluggy did not update, a list shorter than
 * its `total`, or an account left out without a readable id.
 */
function isWholeList(list: AccountList, item: Item): boolean {
  return (
    list.complete &&
    item.executionStatus !== 'PARTIAL_SUCCESS' &&
    item.statusDetail?.accounts?.isUpdated !== false &&
    list.skipped.every((row) => row.id !== null)
  );
}

function storeAccounts(ctx: RunContext, list: AccountList, item: Item): void {
  const at = nowIso(ctx.clock);
  const accounts = list.results;
  ctx.db
    .transaction(() => {
      const counts = upsertAccounts(ctx.db, ctx.itemId, accounts, at);
      const present = [...accounts.map((a) => a.id), ...list.skipped.flatMap((r) => (r.id ? [r.id] : []))];
      const whole = isWholeList(list, item);
      const removed = whole ? markMissingAccountsRemoved(ctx.db, ctx.itemId, present, at) : 0;
      appendAudit(ctx.db, {
        actor: 'sync',
        action: 'open_finance.sync.accounts',
        connectionId: ctx.itemId,
        outcome: 'success',
        at,
        details: {
          runId: ctx.runId,
          listed: accounts.length,
          removed,
          ...counts,
          ...(whole ? {} : { partial: true }),
          ...(list.skipped.length > 0 ? { skipped: list.skipped.length } : {}),
        },
      });
      for (const row of list.skipped) {
        appendAudit(ctx.db, {
          actor: 'sync',
          action: 'open_finance.sync.row_skipped',
          connectionId: ctx.itemId,
          outcome: 'failure',
          at,
          details: { runId: ctx.runId, kind: 'account', ...row },
        });
      }
    })
    .immediate();
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A request started ahead of need: its failure is kept as a value (the caller asks again), never unhandled. */
function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/**
 * Reads the accounts a few at a time. The first failure stops the reads still going (and those not begun)
 * through their own abort signal, and is thrown only once every read has stopped: a run is over when none
 * of its reads can still ask Pluggy for a page or write one.
 */
async function forEachAccount(
  ctx: RunContext,
  accounts: readonly Account[],
  work: (account: Account, readCtx: RunContext) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  setMaxListeners(RUN_SIGNAL_LISTENERS, signal);
  const readCtx: RunContext = { ...ctx, signal };
  const failures: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < accounts.length && !signal.aborted) {
      const account = accounts[next++]!;
      try {
        await work(account, readCtx);
      } catch (error) {
        // The siblings' own errors after this are only their abort: the first failure is the run's.
        failures.push(error);
        stop.abort(error);
      }
    }
  };
  const limit = Math.min(ctx.accountConcurrency ?? 4, accounts.length);
  await Promise.all(Array.from({ length: limit }, worker));
  if (failures.length > 0) throw failures[0];
  ctx.signal.throwIfAborted();
}
