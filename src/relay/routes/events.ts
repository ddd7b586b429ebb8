// GET /v1/events (poll / long-poll by cursor), POST /v1/events/ack, and GET /v1/events/stream (SSE).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AckRequest, EventsQuery, type EventsPage } from '../../shared/relay/wire';
import { sendError, type RelayContext } from './context';
import { deviceOf, type DeviceGuards } from './device-auth';
import { streamDeviceEvents, toWire } from './event-stream';

/** Aborts when the client goes away or the relay shuts down. */
export function requestSignal(reply: FastifyReply, ctx: RelayContext): AbortSignal {
  const gone = new AbortController();
  reply.raw.once('close', () => gone.abort());
  return AbortSignal.any([gone.signal, ctx.shutdown]);
}

export function registerEventRoutes(app: FastifyInstance, ctx: RelayContext, guards: DeviceGuards): void {
  const { store, waiters, metrics } = ctx;
  const deviceRoute = { preParsing: guards.authenticate, preHandler: guards.limitPerDevice };
  // Open SSE streams per device on this instance: each holds a socket and a store reader.
  const openStreams = new Map<string, number>();
  const badCursor = (reply: FastifyReply) =>
    sendError(reply, 400, 'invalid_input', 'The cursor is not one this relay issued; omit it to resume.');

  app.get('/v1/events', deviceRoute, async (request: FastifyRequest, reply) => {
    const query = EventsQuery.safeParse(request.query);
    if (!query.success) {
      return sendError(reply, 400, 'invalid_input', 'Expected ?after=<cursor>&wait=0..25&limit=1..500.');
    }
    const { after, wait, limit } = query.data;
    if (after !== undefined && !store.isCursor(after)) return badCursor(reply);
    const deviceId = deviceOf(request);
    // The cursor a client sends is its acknowledgement of everything up to it.
    if (after !== undefined) await store.ack(deviceId, after);
    const signal = requestSignal(reply, ctx);
    const deadline = Date.now() + wait * 1000;
    for (;;) {
      const mark = waiters.mark(deviceId);
      const page = await store.read(deviceId, after, limit);
      const remaining = deadline - Date.now();
      if (page.events.length > 0 || remaining <= 0 || signal.aborted) {
        const now = ctx.now();
        for (const e of page.events) metrics.lag.observe(Math.max(0, now - e.receivedAt) / 1000);
        metrics.delivered.inc({ transport: 'poll' }, page.events.length);
        const body: EventsPage = {
          events: page.events.map(toWire),
          cursor: page.events.at(-1)?.cursor ?? page.from,
        };
        return reply.header('cache-control', 'no-store').send(body);
      }
      await waiters.wait(deviceId, mark, remaining, signal);
    }
  });

  app.post('/v1/events/ack', { ...deviceRoute, bodyLimit: 4096 }, async (request, reply) => {
    const body = AckRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_input', 'Expected { upTo: <cursor> }.');
    if (!store.isCursor(body.data.upTo)) return badCursor(reply);
    await store.ack(deviceOf(request), body.data.upTo);
    return reply.send({ ok: true, upTo: body.data.upTo });
  });

  app.get<{ Querystring: { after?: string } }>('/v1/events/stream', deviceRoute, async (request, reply) => {
    const header = request.headers['last-event-id'];
    const from =
      (typeof header === 'string' && header.trim() !== '' ? header.trim() : undefined) ?? request.query.after;
    if (from !== undefined && !store.isCursor(from)) return badCursor(reply);
    const deviceId = deviceOf(request);
    const open = openStreams.get(deviceId) ?? 0;
    if (open >= ctx.config.maxStreamsPerDevice) {
      reply.header('retry-after', 5);
      return sendError(reply, 429, 'rate_limited', 'This device has too many open event streams; close one.');
    }
    openStreams.set(deviceId, open + 1);
    try {
      if (from !== undefined) await store.ack(deviceId, from);
      await streamDeviceEvents({ ctx, deviceId, from, reply, signal: requestSignal(reply, ctx) });
    } finally {
      const left = (openStreams.get(deviceId) ?? 1) - 1;
      if (left > 0) openStreams.set(deviceId, left);
      else openStreams.delete(deviceId);
    }
    return reply;
  });
}
