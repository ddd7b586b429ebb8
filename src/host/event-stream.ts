// GET /events: the core's push events as Server-Sent Events, with a heartbeat so proxies keep it open.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventBus } from '../core';

const HEARTBEAT_MS = 15_000;

export function streamEvents(events: EventBus, request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  res.write(': connected\n\n');
  let id = 0;
  const unsubscribe = events.onAny((name, payload) => {
    id += 1;
    res.write(`id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  request.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
