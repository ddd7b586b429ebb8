// Webhook resources (POST/GET/PATCH/DELETE /webhooks) and the event payloads Pluggy delivers.
import { z } from 'zod';
import { IsoDateString } from './common';
import { TriggeredBy, WebhookEventName, openEnum } from './enums';

export const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  event: openEnum(WebhookEventName),
  headers: z.record(z.string(), z.string()).nullish(),
  createdAt: IsoDateString.nullish(),
  updatedAt: IsoDateString.nullish(),
  disabledAt: IsoDateString.nullish(),
});
export type Webhook = z.infer<typeof Webhook>;

export const CreateWebhookRequest = z.object({
  event: WebhookEventName,
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).nullish(),
});
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequest>;

export const UpdateWebhookRequest = z.object({
  event: WebhookEventName.optional(),
  url: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()).nullish(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookRequest = z.infer<typeof UpdateWebhookRequest>;

// Lengths are bounded so a hostile sender cannot push 100 KB "ids" through the relay to a device.
const envelope = {
  /**
   * Unique per event: the idempotency key. Absent on some deliveries (legacy item/created,
   * connector/status_updated in pluggy-java's WebhookEventParseTest): dedupe then uses webhookDedupeText.
   */
  eventId: z.string().min(1).max(200).optional(),
  /** Deprecated: the related entity id. */
  id: z.string().max(200).nullish(),
  clientId: z.string().max(200).nullish(),
};

const itemFields = {
  ...envelope,
  itemId: z.string().min(1).max(200),
  triggeredBy: openEnum(TriggeredBy).nullish(),
  clientUserId: z.string().max(512).nullish(),
};

const itemEvent = <E extends string>(event: E) => z.object({ event: z.literal(event), ...itemFields });

export const ItemCreatedEvent = itemEvent('item/created');
export const ItemUpdatedEvent = itemEvent('item/updated');
export const ItemDeletedEvent = itemEvent('item/deleted');
export const ItemWaitingUserInputEvent = itemEvent('item/waiting_user_input');
export const ItemWaitingUserActionEvent = itemEvent('item/waiting_user_action');
export const ItemLoginSucceededEvent = itemEvent('item/login_succeeded');

export const ItemErrorEvent = z.object({
  event: z.literal('item/error'),
  ...itemFields,
  error: z.object({
    /** Equals the item's executionStatus. */
    code: z.string(),
    message: z.string(),
    providerMessage: z.string().nullish(),
    parameter: z.string().nullish(),
  }),
});

/** `id` is the connector's; some deliveries come without `data` (then Cofre asks GET /connectors/{id}). */
export const ConnectorStatusUpdatedEvent = z.object({
  event: z.literal('connector/status_updated'),
  ...envelope,
  data: z.object({ status: z.string().min(1).max(40).nullish() }).nullish(),
});

export const TransactionsCreatedEvent = z.object({
  event: z.literal('transactions/created'),
  ...envelope,
  itemId: z.string().min(1).max(200),
  accountId: z.string().min(1).max(200),
  transactionsCreatedAtFrom: IsoDateString,
  createdTransactionsLink: z.string().nullish(),
  createdTransactionsLinkV2: z.string().nullish(),
  transactionsCount: z.number().int().nullish(),
  transactionsMinDate: IsoDateString.nullish(),
});

const transactionIdsEvent = <E extends string>(event: E) =>
  z.object({
    event: z.literal(event),
    ...envelope,
    itemId: z.string().min(1).max(200),
    accountId: z.string().min(1).max(200),
    transactionIds: z.array(z.string().min(1).max(200)).max(10_000),
  });

export const TransactionsUpdatedEvent = transactionIdsEvent('transactions/updated');
export const TransactionsDeletedEvent = transactionIdsEvent('transactions/deleted');

/** A delivered data event, discriminated on `event`. Payment events are out of scope and do not parse. */
export const WebhookEvent = z.discriminatedUnion('event', [
  ItemCreatedEvent,
  ItemUpdatedEvent,
  ItemErrorEvent,
  ItemDeletedEvent,
  ItemWaitingUserInputEvent,
  ItemWaitingUserActionEvent,
  ItemLoginSucceededEvent,
  ConnectorStatusUpdatedEvent,
  TransactionsCreatedEvent,
  TransactionsUpdatedEvent,
  TransactionsDeletedEvent,
]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What a delivery without `eventId` is deduped by (hashed by the relay and the core): its content with keys in
 * a stable order, and the minute it arrived, so Pluggy's immediate retries of it are one event and the same
 * status reported again later is another.
 */
export function webhookDedupeText(body: unknown, receivedAtMs: number): string {
  return `${stableJson(body)}@${Math.floor(receivedAtMs / 60_000)}`;
}

/** The prefix of an id the relay or the core derived for an event that came without `eventId`. */
export const DERIVED_EVENT_ID_PREFIX = 'derived-';
