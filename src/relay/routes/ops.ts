// GET /healthz (store reachable) and GET /metrics (Prometheus text).
import type { FastifyInstance } from 'fastify';
import { sendError, type RelayContext } from './context';

export function registerOpsRoutes(app: FastifyInstance, ctx: RelayContext): void {
  // Load balancers probe often: no rate limit here.
  app.get('/healthz', { config: { rateLimit: false } }, async (_request, reply) => {
    try {
      await ctx.store.ping();
    } catch (error) {
      ctx.logger.warn({ err: (error as Error).message }, 'health check: store unreachable');
      return sendError(reply, 503, 'unavailable', 'The relay store is unreachable.');
    }
    return reply.header('cache-control', 'no-store').send({ ok: true, store: ctx.store.kind });
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await ctx.metrics.registry.metrics();
    return reply.type(ctx.metrics.registry.contentType).header('cache-control', 'no-store').send(text);
  });
}
