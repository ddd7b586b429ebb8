// The relay's device API on the wire: shared by the relay server and the core's relay client.
import { z } from 'zod';

/** An opaque, per-device, increasing position in the device's event stream. */
export const Cursor = z.string().min(1).max(64);

/** One webhook as a device receives it. `payload` is the validated Pluggy body (a hint, no financial data). */
export const RelayEvent = z.object({
  cursor: Cursor,
  eventId: z.string(),
  event: z.string(),
  /** False for an event type this relay does not know (stored and delivered, flagged). */
  known: z.boolean(),
  receivedAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type RelayEvent = z.infer<typeof RelayEvent>;

export const RegisterDeviceRequest = z.object({ label: z.string().max(100).optional() }).strict();
export type RegisterDeviceRequest = z.infer<typeof RegisterDeviceRequest>;

export const DeviceRegistration = z.object({
  deviceId: z.string(),
  token: z.string(),
  /** Use as the `webhookUrl` of the device's items or connect tokens. */
  channelUrl: z.string(),
});
export type DeviceRegistration = z.infer<typeof DeviceRegistration>;

/**
 * Replaces the set of item ids whose `itemId`-only events (transactions/*) reach this device, and of the
 * connectors whose connector/status_updated events do.
 */
export const SetDeviceItemsRequest = z
  .object({
    itemIds: z.array(z.string().min(1).max(128)).max(1000),
    connectorIds: z.array(z.number().int().nonnegative()).max(1000).optional(),
  })
  .strict();
export type SetDeviceItemsRequest = z.infer<typeof SetDeviceItemsRequest>;

export const EventsQuery = z.object({
  after: Cursor.optional(),
  /** Seconds to wait for an event when there is none yet (long-poll); 0 answers at once. */
  wait: z.coerce.number().int().min(0).max(25).default(25),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

export const EventsPage = z.object({
  events: z.array(RelayEvent),
  /** Pass as `after` next time: the last event's cursor, or the position read from when there were none. */
  cursor: Cursor.nullable(),
});
export type EventsPage = z.infer<typeof EventsPage>;

export const AckRequest = z.object({ upTo: Cursor }).strict();
export type AckRequest = z.infer<typeof AckRequest>;

/** SSE event name of a delivered webhook; its `id:` is the cursor and `data:` a RelayEvent. */
export const SSE_EVENT_NAME = 'webhook';

/** One configured webhook secret's age, for the relay's operator (admin token): never the secret. */
export const SecretAge = z.object({
  /** Its place in RELAY_SECRETS (0 = first). */
  position: z.number().int().nonnegative(),
  /** The first 8 hex characters of the hash the relay keeps, to tell the secrets apart. */
  fingerprint: z.string(),
  firstSeenAt: z.string(),
  ageDays: z.number().int().nonnegative(),
  rotationDue: z.boolean(),
});
export type SecretAge = z.infer<typeof SecretAge>;

/** GET /v1/admin/status (admin token). */
export const AdminStatus = z.object({
  store: z.enum(['sqlite', 'redis']),
  rotateAfterDays: z.number().int(),
  secrets: z.array(SecretAge),
  rotationDue: z.boolean(),
});
export type AdminStatus = z.infer<typeof AdminStatus>;

/** GET /v1/devices/me/status (device token): only whether the operator should rotate, no ages. */
export const DeviceStatus = z.object({ secretRotationDue: z.boolean() });
export type DeviceStatus = z.infer<typeof DeviceStatus>;
