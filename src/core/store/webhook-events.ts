// Webhook events seen by this device: recorded once per eventId (dedupe), then marked processed.
import type { Db } from './db';
import { nowIso, prepared } from './prepared';

export interface WebhookEventInput {
  eventId: string;
  event: string;
  itemId?: string | null;
  payload: unknown;
}

export interface StoredWebhookEvent {
  eventId: string;
  event: string;
  itemId: string | null;
  receivedAt: string;
  processedAt: string | null;
  outcome: string | null;
  payload: unknown;
}

/** True when the event is new and was recorded; false for a duplicate delivery. */
export function recordWebhookEventIfNew(db: Db, input: WebhookEventInput, at: string = nowIso()): boolean {
  return (
    prepared(
      db,
      `INSERT INTO webhook_events (event_id, event, item_id, received_at, payload) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (event_id) DO NOTHING`,
    ).run(input.eventId, input.event, input.itemId ?? null, at, JSON.stringify(input.payload)).changes > 0
  );
}

/**
 * True when the event is to be handled now: new, or seen before but not handled to the end (its handling
 * failed, or the process stopped first). Pluggy and the relay deliver again exactly for that; an event
 * handled once is a duplicate. (Two deliveries at once within one process are the caller's to tell apart.)
 */
export function claimWebhookEvent(db: Db, input: WebhookEventInput, at: string = nowIso()): boolean {
  return (
    prepared(
      db,
      `INSERT INTO webhook_events (event_id, event, item_id, received_at, payload) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (event_id) DO UPDATE SET received_at = excluded.received_at, processed_at = NULL,
         outcome = NULL
       WHERE webhook_events.outcome IS NULL OR webhook_events.outcome = 'failed'`,
    ).run(input.eventId, input.event, input.itemId ?? null, at, JSON.stringify(input.payload)).changes > 0
  );
}

/** Records what handling the event led to (e.g. `synced`, `ignored`, `failed`). */
export function markWebhookEventProcessed(
  db: Db,
  eventId: string,
  outcome: string,
  at: string = nowIso(),
): boolean {
  return (
    prepared(db, 'UPDATE webhook_events SET processed_at = ?, outcome = ? WHERE event_id = ?').run(
      at,
      outcome,
      eventId,
    ).changes > 0
  );
}

interface Row extends Omit<StoredWebhookEvent, 'payload'> {
  payload: string;
}

const COLUMNS = `event_id AS eventId, event, item_id AS itemId, received_at AS receivedAt,
  processed_at AS processedAt, outcome, payload`;

export function getWebhookEvent(db: Db, eventId: string): StoredWebhookEvent | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM webhook_events WHERE event_id = ?`).get(eventId) as
    Row | undefined;
  return row ? { ...row, payload: JSON.parse(row.payload) as unknown } : null;
}

/** The latest events, newest first (optionally one item's). */
export function listWebhookEvents(
  db: Db,
  options: { itemId?: string; limit?: number } = {},
): StoredWebhookEvent[] {
  const limit = Math.max(1, Math.min(options.limit ?? 50, 500));
  const rows = (
    options.itemId === undefined
      ? prepared(db, `SELECT ${COLUMNS} FROM webhook_events ORDER BY received_at DESC, event_id LIMIT ?`).all(
          limit,
        )
      : prepared(
          db,
          `SELECT ${COLUMNS} FROM webhook_events WHERE item_id = ? ORDER BY received_at DESC, event_id LIMIT ?`,
        ).all(options.itemId, limit)
  ) as Row[];
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
}

/** Forgets events received before `before` (dedupe only matters for Pluggy's retry window). */
export function pruneWebhookEvents(db: Db, before: string): number {
  return prepared(db, 'DELETE FROM webhook_events WHERE received_at < ?').run(before).changes;
}
