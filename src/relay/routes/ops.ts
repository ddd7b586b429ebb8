// GET /healthz (the store can take writes) and GET /metrics (Prometheus text, admin token).
import type { FastifyInstance } from 'fastify';
import { refuseNonAdmin } from './admin-auth';
import { sendError, type RelayContext } from './context';

export function registerOpsRoutes(app: FastifyInstance, ctx: RelayContext): void {
  // Load balancers probe often: no rate limit here.
  app.get('/healthz', { config: { rateLimit: false } }, async (_request, reply) => {
    try {
      await ctx.store.ping();
    } catch (error) {
      // The reason is the operator's (which file, what to do); the caller hears only that it is unhealthy.
      ctx.logger.error(
        { err: (error as Error).message },
        'health check failed: the store cannot take webhooks',
      );
      return sendError(reply, 503, 'unavailable', 'The relay store cannot take webhooks now.');
    }
    return reply.header('cache-control', 'no-store').send({ ok: true, store: ctx.store.kind });
  });

  // Counts of devices, deliveries and failures are the operator's: the same admin token as registration.
  app.get('/metrics', async (request, reply) => {
    if (refuseNonAdmin(ctx.config, request, reply, 'Metrics')) return reply;
    const text = await ctx.metrics.registry.metrics();
    return reply.type(ctx.metrics.registry.contentType).header('cache-control', 'no-store').send(text);
  });
}
