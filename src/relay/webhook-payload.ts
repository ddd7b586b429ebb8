// Sorts a webhook body into a known event, an unknown (flagged) event, or a malformed body.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  DATA_WEBHOOK_EVENTS,
  DERIVED_EVENT_ID_PREFIX,
  WebhookEvent,
  webhookDedupeText,
} from '../shared/pluggy';

/**
 * The fields every delivery carries, and the ones routing uses when present — with the same length limits as
 * the known events', since an unknown event's envelope is stored and delivered too.
 */
const Envelope = z.object({
  event: z.string().min(1).max(200),
  eventId: z.string().min(1).max(200).optional(),
  id: z.string().max(200).nullish(),
  itemId: z.string().max(200).nullish(),
  clientUserId: z.string().max(512).nullish(),
  clientId: z.string().max(200).nullish(),
});

const KNOWN = new Set<string>(DATA_WEBHOOK_EVENTS);

export interface ClassifiedWebhook {
  ok: true;
  /** Pluggy's eventId, or one derived from the content and the minute it arrived when Pluggy sent none. */
  eventId: string;
  derivedId: boolean;
  event: string;
  known: boolean;
  itemId: string | undefined;
  clientUserId: string | undefined;
  /** The connector a connector/* event is about (its `id`). */
  connectorId: string | undefined;
  /** What is stored and delivered: the parsed body of a known event, the envelope of an unknown one. */
  payload: Record<string, unknown>;
}

export interface MalformedWebhook {
  ok: false;
  /** Field paths that failed, for the 400 answer (never the values). */
  problems: string[];
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).slice(0, 10);
}

function derivedEventId(body: unknown, receivedAtMs: number): string {
  const hash = createHash('sha256').update(webhookDedupeText(body, receivedAtMs)).digest('hex');
  return `${DERIVED_EVENT_ID_PREFIX}${hash.slice(0, 40)}`;
}

export function classifyWebhook(body: unknown, receivedAtMs: number): ClassifiedWebhook | MalformedWebhook {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) return { ok: false, problems: problemsOf(envelope.error) };
  const { event } = envelope.data;
  const eventId = envelope.data.eventId ?? derivedEventId(body, receivedAtMs);
  const derivedId = envelope.data.eventId === undefined;
  const route = {
    itemId: envelope.data.itemId ?? undefined,
    clientUserId: envelope.data.clientUserId ?? undefined,
    connectorId: event.startsWith('connector/') ? (envelope.data.id ?? undefined) : undefined,
  };
  if (!KNOWN.has(event)) {
    // A type Pluggy added later (or a payment event): kept and flagged, reduced to its envelope.
    const payload = Object.fromEntries(Object.entries(envelope.data).filter(([, v]) => v != null));
    return { ok: true, eventId, derivedId, event, known: false, ...route, payload };
  }
  const parsed = WebhookEvent.safeParse(body);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return { ok: true, eventId, derivedId, event, known: true, ...route, payload: parsed.data };
}
