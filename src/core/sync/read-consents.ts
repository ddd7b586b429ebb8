// A run's read of an Open Finance link's consents (GET /consents?itemId=): stored, audited, its notices raised.
import type { Item } from '../../shared/pluggy';
import { appendAudit } from '../audit/append';
import { raiseConsentNotices } from '../notices/consent-notices';
import { getConnection, replaceConsents } from '../store';
import { nowIso, type RunContext } from './run-context';

/**
 * Only Open Finance links have consents. A failed read leaves the consents stored before and is logged and
 * audited: the accounts and transactions the run read are no less true for it.
 */
export async function readConsents(ctx: RunContext, item: Item): Promise<void> {
  if (item.connector.isOpenFinance !== true || !ctx.api.listConsents) return;
  let list;
  try {
    list = await ctx.api.listConsents(item.id);
  } catch (error) {
    ctx.signal.throwIfAborted();
    ctx.logger.warn({ itemId: item.id, err: error }, 'consents not read');
    appendAudit(ctx.db, {
      actor: 'sync',
      action: 'open_finance.sync.consents',
      connectionId: item.id,
      outcome: 'failure',
      at: nowIso(ctx.clock),
      details: { runId: ctx.runId, read: false },
    });
    return;
  }
  const at = nowIso(ctx.clock);
  ctx.db
    .transaction(() => {
      const changes = replaceConsents(ctx.db, item.id, list.results, at);
      appendAudit(ctx.db, {
        actor: 'sync',
        action: 'open_finance.sync.consents',
        connectionId: item.id,
        outcome: 'success',
        at,
        details: {
          runId: ctx.runId,
          listed: list.results.length,
          ...changes,
          ...(list.skipped.length > 0 ? { skipped: list.skipped.length } : {}),
        },
      });
    })
    .immediate();
  const connection = getConnection(ctx.db, item.id);
  if (connection) raiseConsentNotices(ctx.db, ctx.events, connection, ctx.clock.now());
}
