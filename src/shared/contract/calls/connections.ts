// Calls about bank links: list, Connect tokens, save after Connect, sync, MFA answers, disconnect.
import { z } from 'zod';
import { NICKNAME_MAX } from '../../connections/name';
import { ConnectionAction, Severity } from '../../connections/status';
import { ConnectorCredential } from '../../pluggy';
import { call, event, NoInput } from '../define';
import { BankHealth, ProductFreshness } from './bank-health';

/** Pluggy ids are UUIDs; anything else from the renderer is refused before it reaches a URL. */
export const ItemId = z.uuid();

export const SyncReason = z.enum(['manual', 'webhook', 'poll', 'retry', 'startup', 'resume', 'connect']);
export type SyncReason = z.infer<typeof SyncReason>;

export const Connection = z.object({
  itemId: z.string(),
  /** What Cofre calls this link everywhere: the person's nickname, else the bank's name. */
  name: z.string(),
  nickname: z.string().nullable(),
  /** The link's live accounts, so two links to one bank can be told apart. */
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      numberMasked: z.string().nullable(),
    }),
  ),
  /** The first account holder's first name, when Pluggy gives an owner. */
  ownerFirstName: z.string().nullable(),
  connector: z.object({
    id: z.number().int(),
    name: z.string(),
    /** The bank's logo kept by the core, as a data: URL (never a remote address); null until it is kept. */
    imageUrl: z.string().startsWith('data:image/').nullable(),
    /** Hex without `#`. */
    primaryColor: z.string().nullable(),
    isOpenFinance: z.boolean(),
    institutionUrl: z.string().nullable(),
  }),
  status: z.string(),
  executionStatus: z.string(),
  severity: Severity,
  /** Key into the status messages, with `bank` and `code` as its values. */
  messageKey: z.string(),
  messageParams: z.record(z.string(), z.string()),
  /** What the bank itself said, when it said something (shown under the message). */
  providerMessage: z.string().nullable(),
  action: ConnectionAction,
  /** Our last sync that finished without error. */
  lastSyncedAt: z.iso.datetime().nullable(),
  /** Pluggy's own next daily sync. */
  nextAutoSyncAt: z.string().nullable(),
  /** When Cofre will retry by itself, if it will. */
  nextRetryAt: z.iso.datetime().nullable(),
  /** Until when a manual refresh is refused by the bank's rate limit. */
  refreshBlockedUntil: z.iso.datetime().nullable(),
  consentExpiresAt: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  /** No new data for 3 days while the link says it is fine. */
  stale: z.boolean(),
  syncing: z.boolean(),
  archived: z.boolean(),
  accountCount: z.number().int().nonnegative(),
  /** The MFA prompt while the bank waits for an answer. */
  mfa: ConnectorCredential.nullable(),
  /** Instructions while the bank waits for the user to act elsewhere (QR, app approval). */
  userAction: z.object({ instructions: z.string(), expiresAt: z.string().nullable() }).nullable(),
  /** The bank's own health (Pluggy's connector status), when Cofre has heard of it. */
  bankHealth: BankHealth.nullable().optional(),
  /** Where the current problem lies: the bank itself (Pluggy says it is unwell) or the link; null if none. */
  problemAt: z.enum(['bank', 'link']).nullable().optional(),
  /** Each product as the bank's last execution left it. */
  freshness: z.array(ProductFreshness).max(20).optional(),
});
export type Connection = z.infer<typeof Connection>;

export const SyncPhase = z.enum([
  'refreshing',
  'waiting',
  'accounts',
  'transactions',
  'removals',
  'done',
  'failed',
]);
export type SyncPhase = z.infer<typeof SyncPhase>;

export const SyncProgress = z.object({
  itemId: z.string(),
  runId: z.number().int(),
  reason: SyncReason,
  phase: SyncPhase,
  /** Item status while waiting for the bank. */
  itemStatus: z.string().nullable(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  accountsDone: z.number().int().nonnegative(),
  accountsTotal: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  at: z.iso.datetime(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

export const connectionCalls = {
  'connections.list': call(NoInput, z.array(Connection)),
  /**
   * How to open Connect; with `itemId`, in update mode (reconnect). In demo mode the page gets a one-time
   * frame URL and the connect token never enters it; Pluggy's real widget needs the token in the page.
   */
  'connections.connectToken': call(
    z.object({ itemId: ItemId.optional() }).strict(),
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('frame'),
        /** Opens the Connect page once (the host redirects it, token included, to the page's origin). */
        frameUrl: z.string(),
        /** The origin the Connect page's messages come from. */
        origin: z.string(),
        includeSandbox: z.boolean(),
      }),
      z.object({ kind: z.literal('widget'), accessToken: z.string(), includeSandbox: z.boolean() }),
    ]),
  ),
  /** After Connect reports success: fetch the item, store it, start the first sync. */
  'connections.save': call(z.object({ itemId: ItemId }).strict(), Connection),
  'connections.sync': call(z.object({ itemId: ItemId }).strict(), z.object({ runId: z.number().int() })),
  'connections.syncAll': call(
    NoInput,
    /** `skipped`: links left out because only a reconnect can fix them (a retry could lock the account). */
    z.object({ runIds: z.array(z.number().int()), skipped: z.number().int().nonnegative() }),
  ),
  'connections.submitMfa': call(
    z
      .object({
        itemId: ItemId,
        /** `{ "<parameter.name>": "<value>" }`, as Pluggy's MFA endpoint takes it. */
        values: z.record(z.string().min(1).max(100), z.string().max(10_000)),
      })
      .strict(),
    Connection,
  ),
  /** The person's name for a link; null or blank goes back to the bank's name. */
  'connections.rename': call(
    z
      .object({
        itemId: ItemId,
        nickname: z.string().max(NICKNAME_MAX).nullable(),
      })
      .strict(),
    Connection,
  ),
  'connections.disconnect': call(
    z.object({ itemId: ItemId, keepData: z.boolean() }).strict(),
    z.object({ itemId: z.string(), deletedAtPluggy: z.boolean(), keptData: z.boolean() }),
  ),
};

export const connectionEvents = {
  'sync.progress': event(SyncProgress),
  'connections.changed': event(z.object({ itemId: z.string().nullable(), at: z.iso.datetime() })),
};
