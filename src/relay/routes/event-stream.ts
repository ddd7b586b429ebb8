// One device's SSE stream: the backlog after the cursor, then live events, with heartbeats and backpressure.
import { once } from 'node:events';
import type { FastifyReply } from 'fastify';
import type { StoredEvent } from '../store/types';
import { SSE_EVENT_NAME, type RelayEvent } from '../../shared/relay/wire';
import type { RelayContext } from './context';

const BATCH = 500;
/** Client reconnection delay the stream suggests (SSE `retry:`). */
const RETRY_MS = 2_000;

export function toWire(event: StoredEvent): RelayEvent {
  return { ...event, receivedAt: new Date(event.receivedAt).toISOString() };
}

export interface StreamOptions {
  ctx: RelayContext;
  deviceId: string;
  from: string | undefined;
  reply: FastifyReply;
  signal: AbortSignal;
}

export async function streamDeviceEvents({
  ctx,
  deviceId,
  from,
  reply,
  signal,
}: StreamOptions): Promise<void> {
  const { store, waiters, metrics } = ctx;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // The socket is the stream's alone: when the stream ends (shutdown included) the socket goes too.
    connection: 'close',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), ctx.config.heartbeatMs);
  metrics.streams.inc();
  let cursor = from;
  try {
    while (!signal.aborted) {
      const mark = waiters.mark(deviceId);
      const page = await store.read(deviceId, cursor, BATCH);
      cursor = page.events.at(-1)?.cursor ?? page.from;
      if (page.events.length > 0 && !signal.aborted) {
        const now = ctx.now();
        const frames = page.events.map((e) => {
          metrics.lag.observe(Math.max(0, now - e.receivedAt) / 1000);
          return `id: ${e.cursor}\nevent: ${SSE_EVENT_NAME}\ndata: ${JSON.stringify(toWire(e))}\n\n`;
        });
        metrics.delivered.inc({ transport: 'sse' }, page.events.length);
        if (!res.write(frames.join(''))) await Promise.race([once(res, 'drain'), once(signal, 'abort')]);
      }
      if (page.events.length < BATCH) await waiters.wait(deviceId, mark, 60_000, signal);
    }
  } catch (error) {
    ctx.logger.warn({ deviceId, err: (error as Error).message }, 'event stream ended by an error');
  } finally {
    clearInterval(heartbeat);
    metrics.streams.dec();
    res.end();
  }
}
