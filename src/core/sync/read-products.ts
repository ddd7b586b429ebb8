// Reads an item's investments (+ their movements) and loans beside its accounts; a failure here is the
// product's own state and a warning, never the run's failure.
import { setMaxListeners } from 'node:events';
import type { Investment, InvestmentTransaction, Item, Loan, SkippedRow } from '../../shared/pluggy';
import { appendAudit } from '../audit/append';
import type { RowList } from '../pluggy';
import { pluggyErrorOf } from '../pluggy/errors';
import { rawJson } from '../store/raw-json';
import {
  investmentHashes,
  markMissingInvestmentTransactionsRemoved,
  markMissingInvestmentsRemoved,
  markMissingLoansRemoved,
  recordProductRead,
  upsertInvestmentTransactions,
  upsertInvestments,
  upsertLoans,
  type ReadProduct,
} from '../store';
import type { ProductUpsert } from '../store/product-rows';
import { nowIso, type RunContext } from './run-context';

/** Positions whose movements are read at the same time. */
const MOVEMENT_CONCURRENCY = 4;

export interface ProductReads {
  /** Settles when every product read has stopped; never rejects. */
  done: Promise<void>;
  /** Stops the reads still going (the run failed or was cancelled). */
  stop(): void;
}

/**
 * Whether the item's bank covers a product: every products list Pluggy gave (the item's, its connector's)
 * names it. With no list at all, it is read and the answer tells.
 */
export function itemCovers(item: Item, product: string): boolean {
  const lists = [item.products, item.connector.products].filter((l): l is string[] => Array.isArray(l));
  return lists.every((list) => list.includes(product));
}

export function startProductReads(ctx: RunContext, item: Item): ProductReads {
  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  setMaxListeners(MOVEMENT_CONCURRENCY * 4, signal);
  const done = Promise.all([
    readProduct(ctx, item, 'investments', signal),
    readProduct(ctx, item, 'loans', signal),
  ]).then(() => undefined);
  return { done, stop: () => stop.abort() };
}

async function readProduct(
  ctx: RunContext,
  item: Item,
  product: ReadProduct,
  signal: AbortSignal,
): Promise<void> {
  const api = ctx.api;
  if (!api.listInvestments || !api.listLoans) return;
  const action = `open_finance.sync.${product}`;
  if (!itemCovers(item, product === 'investments' ? 'INVESTMENTS' : 'LOANS')) {
    const at = nowIso(ctx.clock);
    ctx.db
      .transaction(() => {
        recordProductRead(ctx.db, ctx.itemId, product, { state: 'not_covered', at });
        appendAudit(ctx.db, {
          actor: 'sync',
          action,
          connectionId: ctx.itemId,
          outcome: 'success',
          at,
          details: { runId: ctx.runId, covered: false },
        });
      })
      .immediate();
    return;
  }
  try {
    if (product === 'investments') await readInvestments(ctx, item, signal);
    else await readLoans(ctx, signal);
  } catch (error) {
    if (signal.aborted) return;
    const pluggy = pluggyErrorOf(error);
    const errorCode = pluggy?.codeDescription ?? pluggy?.name ?? 'unexpected';
    ctx.logger.warn({ itemId: ctx.itemId, product, err: error }, 'product read failed; the run goes on');
    const at = nowIso(ctx.clock);
    ctx.db
      .transaction(() => {
        recordProductRead(ctx.db, ctx.itemId, product, { state: 'failed', at, errorCode });
        appendAudit(ctx.db, {
          actor: 'sync',
          action,
          connectionId: ctx.itemId,
          outcome: 'failure',
          at,
          details: { runId: ctx.runId, errorCode, status: pluggy?.status ?? null },
        });
      })
      .immediate();
  }
}

/** Only a list read whole, with every left-out row identified, may mark missing rows removed. */
function isWhole<T>(list: RowList<T>): boolean {
  return list.complete && list.skipped.every((row) => row.id !== null);
}

async function readInvestments(ctx: RunContext, item: Item, signal: AbortSignal): Promise<void> {
  const list = await ctx.api.listInvestments!(ctx.itemId, signal);
  const withMovements = itemCovers(item, 'INVESTMENTS_TRANSACTIONS');
  const movements = new Map<string, RowList<InvestmentTransaction>>();
  if (withMovements) {
    // Positions are stored only together with their movements, so one Pluggy sends unchanged has none new.
    const known = investmentHashes(ctx.db, ctx.itemId);
    const changed = list.results.filter((i) => known.get(i.id) !== rawJson(i).hash);
    let next = 0;
    const worker = async () => {
      while (next < changed.length) {
        const investment = changed[next++]!;
        signal.throwIfAborted();
        movements.set(investment.id, await ctx.api.investmentTransactions!(investment.id, signal));
      }
    };
    await Promise.all(Array.from({ length: Math.min(MOVEMENT_CONCURRENCY, changed.length) }, worker));
  }
  signal.throwIfAborted();
  const at = nowIso(ctx.clock);
  ctx.db
    .transaction(() => {
      const counts = upsertInvestments(ctx.db, ctx.itemId, list.results, at);
      const stored = storedIds(list.results, counts.refused);
      const removed = isWhole(list)
        ? markMissingInvestmentsRemoved(ctx.db, ctx.itemId, presentIds(list), at)
        : 0;
      const moved = {
        movementsRead: movements.size,
        movements: 0,
        movementsInserted: 0,
        movementsRemoved: 0,
        movementsSkipped: 0,
      };
      for (const [investmentId, rows] of movements) {
        if (!stored.has(investmentId)) continue;
        const m = upsertInvestmentTransactions(ctx.db, investmentId, rows.results, at);
        moved.movements += rows.results.length;
        moved.movementsInserted += m.inserted;
        moved.movementsSkipped += rows.skipped.length + m.refused.length;
        if (isWhole(rows))
          moved.movementsRemoved += markMissingInvestmentTransactionsRemoved(
            ctx.db,
            investmentId,
            presentIds(rows),
            at,
          );
        auditSkipped(ctx, at, 'investment_transaction', rows.skipped, m.refused);
      }
      recordRead(ctx, 'investments', at, list, counts, removed, {
        ...(withMovements ? moved : { movementsCovered: false }),
      });
      auditSkipped(ctx, at, 'investment', list.skipped, counts.refused);
    })
    .immediate();
}

async function readLoans(ctx: RunContext, signal: AbortSignal): Promise<void> {
  const list = await ctx.api.listLoans!(ctx.itemId, signal);
  signal.throwIfAborted();
  const at = nowIso(ctx.clock);
  ctx.db
    .transaction(() => {
      const counts = upsertLoans(ctx.db, ctx.itemId, list.results, at);
      const removed = isWhole(list) ? markMissingLoansRemoved(ctx.db, ctx.itemId, presentIds(list), at) : 0;
      recordRead(ctx, 'loans', at, list, counts, removed, {});
      auditSkipped(ctx, at, 'loan', list.skipped, counts.refused);
    })
    .immediate();
}

/** The product's state and its audit entry with what this sync read of it. */
function recordRead<T>(
  ctx: RunContext,
  product: ReadProduct,
  at: string,
  list: RowList<T>,
  counts: ProductUpsert,
  removed: number,
  extra: Record<string, unknown>,
): void {
  const skipped = list.skipped.length + counts.refused.length;
  recordProductRead(ctx.db, ctx.itemId, product, { state: 'read', at });
  appendAudit(ctx.db, {
    actor: 'sync',
    action: `open_finance.sync.${product}`,
    connectionId: ctx.itemId,
    outcome: 'success',
    at,
    details: {
      runId: ctx.runId,
      covered: true,
      listed: list.results.length,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      removed,
      ...(isWhole(list) ? {} : { partial: true }),
      ...(skipped > 0 ? { skipped } : {}),
      ...extra,
    },
  });
}

/** Ids Pluggy listed, the unreadable rows' too: a row it still lists is not gone, even if unreadable. */
function presentIds<T extends { id: string }>(list: RowList<T>): string[] {
  return [...list.results.map((r) => r.id), ...list.skipped.flatMap((r) => (r.id ? [r.id] : []))];
}

function storedIds(rows: readonly (Investment | Loan)[], refused: { id: string }[]): Set<string> {
  const out = new Set(rows.map((r) => r.id));
  for (const r of refused) out.delete(r.id);
  return out;
}

function auditSkipped(
  ctx: RunContext,
  at: string,
  kind: string,
  skipped: readonly SkippedRow[],
  refused: readonly { id: string; path: string }[],
): void {
  const rows = [
    ...skipped,
    ...refused.map((r) => ({
      id: r.id,
      index: null,
      path: r.path,
      reason: 'not a valid value for this field',
    })),
  ];
  for (const row of rows) {
    appendAudit(ctx.db, {
      actor: 'sync',
      action: 'open_finance.sync.row_skipped',
      connectionId: ctx.itemId,
      outcome: 'failure',
      at,
      details: { runId: ctx.runId, kind, ...row },
    });
  }
}
