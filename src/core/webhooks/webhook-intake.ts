// Webhook intake: a Pluggy event (from the relay or a test) is deduped by eventId, recorded, and becomes a
// sync trigger. The event is only a hint: data is always read again from the API.
import { createHash } from 'node:crypto';
import { DERIVED_EVENT_ID_PREFIX, WebhookEvent, webhookDedupeText } from '../../shared/pluggy';
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/append';
import { raiseBankNotices } from '../bank-health/bank-notices';
import { recordConnectorHealth } from '../bank-health/connector-health';
import type { CoreContext } from '../core-context';
import {
  claimWebhookEvent,
  deleteConnection,
  getAccount,
  getConnection,
  latestSeenMark,
  markTransactionsRemoved,
  markWebhookEventProcessed,
  setConnectorStatus,
  upsertTransactions,
} from '../store';

export type IntakeAction = 'sync' | 'wake' | 'reread' | 'removed' | 'archived' | 'recorded' | 'ignored';

export interface IntakeResult {
  eventId: string;
  duplicate: boolean;
  action: IntakeAction;
}

type IntakeContext = Pick<CoreContext, 'db' | 'engine' | 'pluggy' | 'clock' | 'logger' | 'events'>;

export function createWebhookIntake(ctx: IntakeContext) {
  const now = () => new Date(ctx.clock.now()).toISOString();
  /** Event ids this process is acting on now. */
  const handling = new Set<string>();

  /** A run reads the change: the one waiting on the bank, a follow-up of one already reading, or a new one. */
  function syncSoon(itemId: string): IntakeAction {
    const run = ctx.engine().hint(itemId, 'webhook');
    return run.started ? 'sync' : 'wake';
  }

  /** The named transactions as Pluggy has them now (the ones it still lists), 500 ids per request. */
  async function* stillAtPluggy(accountId: string, ids: readonly string[]) {
    for (let i = 0; i < ids.length; i += 500) {
      for await (const page of ctx.pluggy().transactions(accountId, { ids: ids.slice(i, i + 500) })) {
        // Pluggy answers only for this account; anything else in the page is not ours to store.
        yield page.results.filter((t) => t.accountId === accountId);
      }
    }
  }

  /**
   * The bank's health as Pluggy reports it (`id` is the connector's); a delivery without its status is
   * answered by asking Pluggy. Its notice is raised or put away at once; nothing else is read again.
   */
  async function recordConnectorStatus(
    connectorId: string | null | undefined,
    status: string | null | undefined,
  ): Promise<IntakeAction> {
    const id = Number(connectorId);
    if (!connectorId || !Number.isInteger(id) || id < 0) return 'ignored';
    if (status) setConnectorStatus(ctx.db(), { connectorId: id, status, at: now(), source: 'webhook' });
    else recordConnectorHealth(ctx.db(), await ctx.pluggy().getConnectorHealth(id), now(), 'api');
    raiseBankNotices(ctx.db(), ctx.events, ctx.clock.now());
    ctx.events.emit('connections.changed', { itemId: null, at: now() });
    return 'recorded';
  }

  async function act(event: WebhookEvent): Promise<IntakeAction> {
    if (event.event === 'connector/status_updated')
      return recordConnectorStatus(event.id, event.data?.status);
    const itemId = event.itemId;
    if (!getConnection(ctx.db(), itemId)) return 'ignored';
    switch (event.event) {
      case 'item/login_succeeded':
        ctx.engine().wake(itemId);
        return 'wake';
      case 'item/created':
      case 'item/updated':
      case 'item/error':
      case 'item/waiting_user_input':
      case 'item/waiting_user_action':
        return syncSoon(itemId);
      case 'item/deleted':
        // Deleted at Pluggy (by the user elsewhere, or expired): keep the history here, archived. A run
        // still going would only fail on the missing item and ask the user to reconnect it: it stops first.
        await ctx.engine().cancel(itemId);
        deleteConnection(ctx.db(), itemId, 'archive', now());
        ctx.events.emit('connections.changed', { itemId, at: now() });
        return 'archived';
      case 'transactions/created':
        return syncSoon(itemId);
      case 'transactions/updated': {
        if (getAccount(ctx.db(), event.accountId)?.connectionId !== itemId) return 'ignored';
        for await (const page of stillAtPluggy(event.accountId, event.transactionIds)) {
          const db = ctx.db();
          // Seen now: a run reading this account meanwhile must not take these rows for deleted.
          db.transaction(() => {
            upsertTransactions(db, page, {
              seenAt: now(),
              seenMark: latestSeenMark(db),
              source: { actor: 'webhook' },
            });
          }).immediate();
        }
        return 'reread';
      }
      case 'transactions/deleted': {
        // Only what Pluggy itself no longer lists is removed: a forged event (a compromised relay) can
        // name any id, and must not be able to hide a row.
        if (getAccount(ctx.db(), event.accountId)?.connectionId !== itemId) return 'ignored';
        const existing = new Set<string>();
        for await (const page of stillAtPluggy(event.accountId, event.transactionIds)) {
          for (const t of page) existing.add(t.id);
        }
        const gone = event.transactionIds.filter((id) => !existing.has(id));
        if (gone.length > 0) markTransactionsRemoved(ctx.db(), gone, now(), { actor: 'webhook' });
        return gone.length > 0 ? 'removed' : 'ignored';
      }
    }
  }

  /**
   * `relayEventId` is the id the relay gave the delivery; an event without `eventId` is deduped by it, or
   * else by a key derived from its content and the minute it arrived (as the relay does).
   */
  return async function intake(raw: unknown, relayEventId?: string): Promise<IntakeResult> {
    const parsed = WebhookEvent.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('invalid_input', 'This is not a Pluggy webhook event Cofre knows.', {
        details: { issues: parsed.error.issues.slice(0, 5).map((i) => i.path.join('.') || '(root)') },
      });
    }
    const event = parsed.data;
    const eventId =
      event.eventId ??
      relayEventId ??
      `${DERIVED_EVENT_ID_PREFIX}${createHash('sha256').update(webhookDedupeText(raw, ctx.clock.now())).digest('hex').slice(0, 40)}`;
    const itemId = 'itemId' in event ? event.itemId : null;
    // A delivery of an event being handled right now is a duplicate; one whose handling failed is not.
    const fresh =
      !handling.has(eventId) &&
      claimWebhookEvent(ctx.db(), { eventId, event: event.event, itemId, payload: event }, now());
    if (!fresh) return { eventId, duplicate: true, action: 'ignored' };
    handling.add(eventId);
    let action: IntakeAction;
    try {
      action = await act(event);
    } catch (error) {
      markWebhookEventProcessed(ctx.db(), eventId, 'failed', now());
      throw error;
    } finally {
      handling.delete(eventId);
    }
    ctx
      .db()
      .transaction(() => {
        markWebhookEventProcessed(ctx.db(), eventId, action, now());
        const known = itemId !== null && getConnection(ctx.db(), itemId) !== null;
        appendAudit(ctx.db(), {
          actor: 'webhook',
          action: 'open_finance.webhook.received',
          connectionId: known ? itemId : null,
          outcome: 'info',
          at: now(),
          details: {
            event: event.event,
            eventId,
            handled: action,
            // An event about an item this device never saved: the daily review asks about it.
            ...(itemId !== null && !known && event.event !== 'item/deleted'
              ? { unknownItem: true, itemId }
              : {}),
          },
        });
      })
      .immediate();
    return { eventId, duplicate: false, action };
  };
}

export type WebhookIntake = ReturnType<typeof createWebhookIntake>;
