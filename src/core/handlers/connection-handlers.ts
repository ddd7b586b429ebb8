// Handlers of the connections.* calls: the seed's connect-token, save-connection, sync and disconnect.
import type { Handlers } from '../router/router';
import { isCredentialState } from '../../shared/connections/attention';
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/append';
import { connectionView } from '../connections/connection-view';
import type { CoreContext } from '../core-context';
import { isPluggyNotFoundError } from '../pluggy';
import {
  deleteConnection,
  getConnection,
  listConnections,
  setConnectionNickname,
  unarchiveConnection,
  upsertConnection,
} from '../store';

type ConnectionHandlers = Pick<
  Handlers,
  | 'connections.list'
  | 'connections.connectToken'
  | 'connections.save'
  | 'connections.sync'
  | 'connections.syncAll'
  | 'connections.submitMfa'
  | 'connections.disconnect'
  | 'connections.rename'
>;

export function connectionHandlers(ctx: CoreContext): ConnectionHandlers {
  const now = () => new Date(ctx.clock.now()).toISOString();
  const view = (itemId: string) => {
    const stored = getConnection(ctx.db(), itemId);
    if (!stored)
      throw new AppError('not_found', 'There is no connection with this id.', { details: { itemId } });
    return connectionView(
      {
        db: ctx.db(),
        now: ctx.clock.now(),
        isSyncing: (id) => ctx.engine().isSyncing(id),
        bankLogo: ctx.bankLogo,
      },
      stored,
    );
  };
  const userAudit = (action: string, itemId: string | null, details: Record<string, unknown> = {}) =>
    appendAudit(ctx.db(), {
      actor: 'user',
      action,
      connectionId: itemId,
      outcome: 'success',
      at: now(),
      details,
    });

  return {
    'connections.list': () => {
      const db = ctx.db();
      const inputs = {
        db,
        now: ctx.clock.now(),
        isSyncing: (id: string) => ctx.engine().isSyncing(id),
        bankLogo: ctx.bankLogo,
      };
      return listConnections(db).map((c) => connectionView(inputs, c));
    },

    'connections.connectToken': async ({ itemId }) => {
      if (itemId !== undefined && !getConnection(ctx.db(), itemId)) {
        throw new AppError('not_found', 'There is no connection with this id.', { details: { itemId } });
      }
      const token = await ctx.pluggy().createConnectToken({
        ...(itemId ? { itemId } : {}),
        clientUserId: ctx.deviceId,
        avoidDuplicates: true,
        ...(ctx.oauthRedirectUri ? { oauthRedirectUri: ctx.oauthRedirectUri } : {}),
        // Paired with a relay: the new item's webhooks go to this device's channel there.
        ...(ctx.relay()?.channelUrl() ? { webhookUrl: ctx.relay()!.channelUrl()! } : {}),
      });
      // The token itself never reaches the audit log: only that one was issued, and for what.
      userAudit('open_finance.connect_token.created', itemId ?? null, { update: itemId !== undefined });
      const includeSandbox = ctx.mode === 'demo';
      if (ctx.connectUrl) {
        const id = ctx.connectSessions.create(ctx.connectUrl, {
          connectToken: token.accessToken,
          includeSandbox: String(includeSandbox),
          ...(itemId ? { updateItem: itemId } : {}),
        });
        return {
          kind: 'frame' as const,
          frameUrl: `${ctx.connectFramePrefix}${id}`,
          origin: new URL(ctx.connectUrl).origin,
          includeSandbox,
        };
      }
      return { kind: 'widget' as const, accessToken: token.accessToken, includeSandbox };
    },

    'connections.save': async ({ itemId }) => {
      const item = await ctx.pluggy().getItem(itemId);
      const db = ctx.db();
      const existed = getConnection(db, itemId) !== null;
      db.transaction(() => {
        upsertConnection(db, item, now());
        // Reconnecting an archived link brings it back with its history, instead of a second copy.
        unarchiveConnection(db, itemId);
        userAudit(existed ? 'open_finance.connection.updated' : 'open_finance.connection.created', itemId, {
          connector: item.connector.name,
          status: item.status,
          executionStatus: item.executionStatus,
        });
      }).immediate();
      ctx.engine().sync(itemId, 'connect');
      void ctx.relay()?.syncItems();
      ctx.events.emit('connections.changed', { itemId, at: now() });
      return view(itemId);
    },

    'connections.sync': ({ itemId }) => {
      view(itemId);
      const run = ctx.engine().sync(itemId, 'manual');
      userAudit('open_finance.sync.requested', itemId, { runId: run.runId, joined: !run.started });
      return { runId: run.runId };
    },

    'connections.syncAll': () => {
      const db = ctx.db();
      const now = ctx.clock.now();
      const isSyncing = (id: string) => ctx.engine().isSyncing(id);
      // Links whose login the bank refused are left out: only a reconnect can fix them.
      const links = listConnections(db);
      const skipped = links.filter((c) =>
        isCredentialState(connectionView({ db, now, isSyncing, bankLogo: () => null }, c)),
      );
      const runIds = links
        .filter((c) => !skipped.includes(c))
        .map((c) => ctx.engine().sync(c.id, 'manual').runId);
      userAudit('open_finance.sync.requested', null, { all: true, runIds, skipped: skipped.length });
      return { runIds, skipped: skipped.length };
    },

    'connections.submitMfa': async ({ itemId, values }) => {
      const before = view(itemId);
      if (before.status !== 'WAITING_USER_INPUT' && before.mfa !== null) {
        // The bank refused a refresh without a new code, or the last code was wrong: the refresh itself
        // carries the new code, once (it is never stored, so a wrong or used one is never sent again).
        const run = ctx.engine().sync(itemId, 'manual', { parameters: values });
        userAudit('open_finance.mfa.submitted', itemId, {
          fields: Object.keys(values),
          refresh: true,
          runId: run.runId,
        });
        return view(itemId);
      }
      const item = await ctx.pluggy().sendMfa(itemId, values);
      upsertConnection(ctx.db(), item, now());
      // Only which fields were answered is recorded, never the answers.
      userAudit('open_finance.mfa.submitted', itemId, { fields: Object.keys(values) });
      // A run already waiting on the bank picks the answer up; otherwise start one to follow it through.
      if (!ctx.engine().isSyncing(itemId)) ctx.engine().sync(itemId, 'connect');
      else ctx.engine().wake(itemId);
      ctx.events.emit('connections.changed', { itemId, at: now() });
      return view(itemId);
    },

    'connections.rename': ({ itemId, nickname }) => {
      const before = getConnection(ctx.db(), itemId);
      const next = nickname?.trim() || null;
      if (!before || !setConnectionNickname(ctx.db(), itemId, next)) {
        throw new AppError('not_found', 'There is no connection with this id.', { details: { itemId } });
      }
      userAudit('open_finance.connection.renamed', itemId, { from: before.nickname, to: next });
      ctx.events.emit('connections.changed', { itemId, at: now() });
      return view(itemId);
    },

    'connections.disconnect': async ({ itemId, keepData }) => {
      view(itemId);
      // A run still writing to this connection stops first, so nothing lands after it is gone.
      await ctx.engine().cancel(itemId);
      let deletedAtPluggy = true;
      try {
        await ctx.pluggy().deleteItem(itemId);
      } catch (error) {
        // Already gone at Pluggy (deleted elsewhere, or a sandbox item that expired): still remove it here.
        if (!isPluggyNotFoundError(error)) throw error;
        deletedAtPluggy = false;
      }
      const db = ctx.db();
      db.transaction(() => {
        userAudit('open_finance.connection.deleted', itemId, { keptData: keepData, deletedAtPluggy });
        deleteConnection(db, itemId, keepData ? 'archive' : 'purge', now());
      }).immediate();
      ctx.events.emit('connections.changed', { itemId, at: now() });
      return { itemId, deletedAtPluggy, keptData: keepData };
    },
  };
}
