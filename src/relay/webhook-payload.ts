// Sorts a webhook body into a known event, an unknown (flagged) event, or a malformed body.
import { z } from 'zod';
import { DATA_WEBHOOK_EVENTS, WebhookEvent } from '../shared/pluggy';

/** The fields every delivery carries, and the ones routing uses when present. */
const Envelope = z.object({
  event: z.string().min(1).max(200),
  eventId: z.string().min(1).max(200),
  id: z.string().nullish(),
  itemId: z.string().nullish(),
  clientUserId: z.string().nullish(),
  clientId: z.string().nullish(),
});

const KNOWN = new Set<string>(DATA_WEBHOOK_EVENTS);

export interface ClassifiedWebhook {
  ok: true;
  eventId: string;
  event: string;
  known: boolean;
  itemId: string | undefined;
  clientUserId: string | undefined;
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

export function classifyWebhook(body: unknown): ClassifiedWebhook | MalformedWebhook {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) return { ok: false, problems: problemsOf(envelope.error) };
  const { event, eventId } = envelope.data;
  const route = {
    itemId: envelope.data.itemId ?? undefined,
    clientUserId: envelope.data.clientUserId ?? undefined,
  };
  if (!KNOWN.has(event)) {
    // A type Pluggy added later (or a payment event): kept and flagged, reduced to its envelope.
    const payload = Object.fromEntries(Object.entries(envelope.data).filter(([, v]) => v != null));
    return { ok: true, eventId, event, known: false, ...route, payload };
  }
  const parsed = WebhookEvent.safeParse(body);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return { ok: true, eventId, event, known: true, ...route, payload: parsed.data };
}
