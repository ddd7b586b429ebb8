// Follows the relay: SSE with Last-Event-ID, long-poll when streaming fails, offline with backoff when both do.
// Every event is only a hint handed to the webhook intake; the cursor moves after the intake took it.
import { RelayEvent, SSE_EVENT_NAME } from '../../shared/relay/wire';
import { isAppError } from '../../shared/errors';
import type { SleepClock } from '../clock';
import type { Logger } from '../logging/logger';
import { openEventStream, pollEvents, type RelayEndpoint } from './relay-api';
import { readSse } from './sse-reader';

export type RelayState = 'connecting' | 'connected' | 'polling' | 'offline';

export interface RelayStatus {
  state: RelayState;
  lastEventAt: string | null;
  lastError: string | null;
}

export interface RelayClientDeps {
  endpoint: RelayEndpoint;
  loadCursor(): string | null;
  saveCursor(cursor: string): void;
  /** The core's webhook intake; throws `invalid_input` for an event it cannot use. */
  /** `eventId` is the relay's id of the delivery (derived by the relay when Pluggy sent none). */
  deliver(payload: unknown, eventId: string): Promise<unknown>;
  clock: SleepClock;
  logger: Logger;
  onStatus?(status: RelayStatus): void;
}

export interface RelayClient {
  start(): void;
  stop(): Promise<void>;
  status(): RelayStatus;
}

/** After this many stream failures in a row, fall back to long-polling. */
const STREAM_ATTEMPTS = 3;

export function createRelayClient(deps: RelayClientDeps): RelayClient {
  let status: RelayStatus = { state: 'connecting', lastEventAt: null, lastError: null };
  let controller = new AbortController();
  let loop: Promise<void> | null = null;

  const setStatus = (next: Partial<RelayStatus>) => {
    const merged = { ...status, ...next };
    if (
      merged.state !== status.state ||
      merged.lastError !== status.lastError ||
      merged.lastEventAt !== status.lastEventAt
    ) {
      status = merged;
      deps.onStatus?.(status);
    }
  };

  async function handle(event: RelayEvent): Promise<void> {
    try {
      await deps.deliver(event.payload, event.eventId);
    } catch (error) {
      // A payload the intake refuses is skipped (it is only a hint); anything else stops here and is retried.
      if (!isAppError(error) || error.code !== 'invalid_input') throw error;
      deps.logger.warn({ eventId: event.eventId, event: event.event }, 'relay event refused by the intake');
    }
    deps.saveCursor(event.cursor);
    setStatus({ lastEventAt: new Date(deps.clock.now()).toISOString() });
  }

  async function stream(signal: AbortSignal): Promise<void> {
    const body = await openEventStream(deps.endpoint, deps.loadCursor(), signal);
    setStatus({ state: 'connected', lastError: null });
    for await (const message of readSse(body)) {
      if (message.event !== SSE_EVENT_NAME) continue;
      const parsed = RelayEvent.safeParse(JSON.parse(message.data));
      if (parsed.success) await handle(parsed.data);
    }
  }

  async function poll(signal: AbortSignal): Promise<void> {
    const page = await pollEvents(deps.endpoint, deps.loadCursor(), 25, signal);
    setStatus({ state: 'polling', lastError: null });
    for (const event of page.events) await handle(event);
    if (page.cursor && page.events.length === 0) deps.saveCursor(page.cursor);
  }

  /** Waits, unless stopped meanwhile: an abort during the pause is the normal way out, not an error. */
  async function pause(ms: number, signal: AbortSignal): Promise<void> {
    try {
      await deps.clock.sleep(ms, signal);
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (failures < STREAM_ATTEMPTS) await stream(signal);
        else await poll(signal);
        if (failures < STREAM_ATTEMPTS) failures = 0;
        // A stream that ended cleanly (relay restart) reconnects after a short pause.
        await pause(500, signal);
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        const message = isAppError(error) ? error.message : 'relay connection failed';
        const unauthorized = isAppError(error) && error.code === 'relay_unauthorized';
        setStatus({
          state: failures >= STREAM_ATTEMPTS + 1 || unauthorized ? 'offline' : status.state,
          lastError: message,
        });
        deps.logger.warn(
          { failures, code: isAppError(error) ? error.code : 'unknown' },
          'relay connection failed',
        );
        const delay = unauthorized ? 5 * 60_000 : Math.min(60_000, 1_000 * 2 ** Math.min(failures - 1, 6));
        await pause(delay * (0.5 + Math.random() / 2), signal);
        // From offline, try the stream again every few rounds: the relay may be back.
        if (failures > STREAM_ATTEMPTS + 5) failures = 0;
      }
    }
  }

  return {
    start() {
      if (loop) return;
      controller = new AbortController();
      loop = run(controller.signal);
    },
    async stop() {
      controller.abort();
      await loop;
      loop = null;
    },
    status: () => status,
  };
}
