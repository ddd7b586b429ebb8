// Reads each credit card's bills (GET /bills?accountId=) during a run, beside its transactions. A card whose
// bills cannot be read is a warning and that card's bill state, never the run's failure.
import type { Account } from '../../shared/pluggy';
import { appendAudit } from '../audit/append';
import { pluggyErrorOf } from '../pluggy/errors';
import { recordBillRead, upsertBills } from '../store';
import { nowIso, type RunContext } from './run-context';

export interface BillTotals {
  cards: number;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failedCards: number;
}

/** Cards read at once: bills are one small request per card. */
const CONCURRENCY = 2;

function errorCode(error: unknown): string {
  const pluggy = pluggyErrorOf(error);
  if (pluggy)
    return pluggy.codeDescription ?? (pluggy.status === null ? pluggy.code : `http_${pluggy.status}`);
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'unexpected';
}

async function readCard(ctx: RunContext, account: Account, totals: BillTotals, failures: string[]) {
  try {
    const list = await ctx.api.listBills!(account.id);
    ctx.signal.throwIfAborted();
    const at = nowIso(ctx.clock);
    ctx.db
      .transaction(() => {
        const counts = upsertBills(ctx.db, account.id, list.results, at);
        recordBillRead(ctx.db, account.id, { at });
        totals.read += list.results.length;
        totals.inserted += counts.inserted;
        totals.updated += counts.updated;
        totals.unchanged += counts.unchanged;
        totals.skipped += list.skipped.length;
        for (const row of list.skipped)
          appendAudit(ctx.db, {
            actor: 'sync',
            action: 'open_finance.sync.row_skipped',
            connectionId: ctx.itemId,
            outcome: 'failure',
            at,
            details: { runId: ctx.runId, kind: 'bill', accountId: account.id, ...row },
          });
      })
      .immediate();
  } catch (error) {
    if (ctx.signal.aborted) return;
    const code = errorCode(error);
    totals.failedCards += 1;
    failures.push(code);
    ctx.logger.warn({ itemId: ctx.itemId, accountId: account.id, code }, 'card bills not read; run goes on');
    recordBillRead(ctx.db, account.id, { at: nowIso(ctx.clock), errorCode: code });
  }
}

/** Never rejects: failures are counted, recorded per card and audited with the run's bills entry. */
export async function readBills(ctx: RunContext, accounts: readonly Account[]): Promise<BillTotals | null> {
  if (!ctx.api.listBills) return null;
  const cards = accounts.filter((a) => a.type === 'CREDIT');
  const totals: BillTotals = {
    cards: cards.length,
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    failedCards: 0,
  };
  if (cards.length === 0) return totals;
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cards.length && !ctx.signal.aborted) await readCard(ctx, cards[next++]!, totals, failures);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cards.length) }, worker));
  if (ctx.signal.aborted) return totals;
  appendAudit(ctx.db, {
    actor: 'sync',
    action: 'open_finance.sync.bills',
    connectionId: ctx.itemId,
    outcome: totals.failedCards > 0 ? 'failure' : 'success',
    at: nowIso(ctx.clock),
    details: {
      runId: ctx.runId,
      ...totals,
      ...(failures.length > 0 ? { errors: [...new Set(failures)] } : {}),
    },
  });
  return totals;
}
