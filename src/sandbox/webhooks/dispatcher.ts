// Delivers webhook events to item webhookUrls and registered webhooks, retrying on non-2xx like Pluggy.
import { randomUUID } from 'node:crypto';
import type { WebhookEvent } from '../../shared/pluggy';
import type { WebhookRetryOptions } from '../options';
import type { SandboxStore } from '../store';

export interface DeliveryAttempt {
  /** Null for an event Pluggy sends without one (legacy item/created, connector/status_updated). */
  eventId: string | null;
  event: string;
  url: string;
  round: number;
  attempt: number;
  status: number | null;
  error: string | null;
  at: string;
}

type Payload = WebhookEvent;
/** A payload before it gets its eventId (distributes over the union). */
export type EventDraft = Payload extends infer T
  ? T extends Payload
    ? Omit<T, 'eventId'> & { eventId?: string }
    : never
  : never;
// Enough for a long soak storm: a full log would hide acknowledged events from delivery checks.
const MAX_LOG = 50_000;

export class WebhookDispatcher {
  readonly attempts: DeliveryAttempt[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly queues = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly store: SandboxStore,
    private readonly retry: WebhookRetryOptions,
  ) {}

  /**
   * Sends `payload` to the item's own webhookUrl (no custom headers) and to matching registered webhooks.
   * It gets a new eventId unless `withoutEventId` (as Pluggy sends some events).
   */
  emit(payload: EventDraft, itemWebhookUrl?: string | null, withoutEventId = false): void {
    if (this.closed) return;
    const full = (
      withoutEventId ? payload : { ...payload, eventId: payload.eventId ?? randomUUID() }
    ) as Payload;
    if (itemWebhookUrl) this.enqueue(itemWebhookUrl, {}, full);
    for (const hook of this.store.webhooks.values()) {
      if (hook.disabledAt) continue;
      if (hook.event === 'all' || hook.event === full.event) this.enqueue(hook.url, hook.headers, full);
    }
  }

  /** Resolves once every first-round delivery queued so far has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.queues.values()]);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private enqueue(url: string, headers: Record<string, string>, payload: Payload): void {
    const previous = this.queues.get(url) ?? Promise.resolve();
    const next = previous.then(() => this.round(url, headers, payload, 0));
    this.queues.set(url, next);
  }

  /** One round of immediate attempts; schedules the next round when all fail (except on 401). */
  private async round(
    url: string,
    headers: Record<string, string>,
    payload: Payload,
    round: number,
  ): Promise<void> {
    for (let attempt = 1; attempt <= this.retry.attemptsPerRound; attempt++) {
      if (this.closed) return;
      const status = await this.post(url, headers, payload, round, attempt);
      if (status !== null && status >= 200 && status < 300) return;
      if (status === 401) return;
    }
    const delay = this.retry.roundDelaysMs[round];
    if (delay === undefined || this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.round(url, headers, payload, round + 1);
    }, delay);
    this.timers.add(timer);
  }

  private async post(
    url: string,
    headers: Record<string, string>,
    payload: Payload,
    round: number,
    attempt: number,
  ): Promise<number | null> {
    const record: DeliveryAttempt = {
      eventId: payload.eventId ?? null,
      event: payload.event,
      url,
      round,
      attempt,
      status: null,
      error: null,
      at: new Date().toISOString(),
    };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'user-agent': 'Pluggy-Webhooks (cofre sandbox)',
        },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.retry.timeoutMs),
      });
      await response.arrayBuffer();
      record.status = response.status;
    } catch (err) {
      record.error = err instanceof Error ? err.name : 'delivery failed';
    }
    this.attempts.push(record);
    if (this.attempts.length > MAX_LOG) this.attempts.splice(0, this.attempts.length - MAX_LOG);
    return record.status;
  }
}
