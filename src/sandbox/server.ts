// Assembles the Fastify app: JSON parsing, request counting, rate limits, faults, auth, then the routes.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { SandboxContext } from './context';
import { ApiError, installErrorHandling, sendError } from './http/api-error';
import { omitNulls } from './http/omit-nulls';
import { RateLimiter } from './http/rate-limit';
import './http/fastify-types';
import { accountRoutes } from './routes/accounts';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { billRoutes } from './routes/bills';
import { categoryRoutes } from './routes/categories';
import { connectorRoutes } from './routes/connectors';
import { connectorIconRoutes } from './routes/connector-icons';
import { consentRoutes } from './routes/consents';
import { itemRoutes } from './routes/items';
import { transactionRoutes } from './routes/transactions';
import { webhookRoutes } from './routes/webhooks';
import { investmentRoutes } from './routes/investments';
import { loanRoutes } from './routes/loans';
import { connectPageRoutes } from './connect/routes';
import { RATE_LIMITED_ROUTES } from './options';

export type RouteModule = (app: FastifyInstance, ctx: SandboxContext) => void;

export function routeKey(request: FastifyRequest): string {
  const url = request.routeOptions.url;
  return url === undefined ? `${request.method} (unknown)` : `${request.method} ${url}`;
}

export function buildServer(ctx: SandboxContext, extraRoutes: RouteModule[] = []): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: ctx.options.bodyLimitBytes,
    forceCloseConnections: true,
    return503OnClosing: false,
  });
  app.decorateRequest('principal', null);
  installErrorHandling(app);

  // PATCH /items/{id} with an empty JSON body means "re-sync": accept it as no body.
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    json(request, text, (err, value) =>
      err ? done(new ApiError(400, 'Malformed JSON body'), undefined) : done(null, value),
    );
  });

  const limiter = new RateLimiter({ ...RATE_LIMITED_ROUTES, ...ctx.options.rateLimits }, ctx.clock);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = routeKey(request);
    if (!key.includes('/__sandbox')) ctx.stats.counts.set(key, (ctx.stats.counts.get(key) ?? 0) + 1);
    if (limiter.check(key, request.ip, reply)) return reply;
    if ((await ctx.faults.apply(key, request, reply)) === 'handled') return reply;
    const access = request.routeOptions.config.access ?? 'public';
    if (access === 'public') return;
    try {
      request.principal = ctx.credentials.authenticate(request, access);
      if (request.principal.kind === 'apiKey' && ctx.faults.applies(key) && ctx.faults.forceExpiryNow()) {
        ctx.credentials.revokeAllApiKeys();
        throw new ApiError(401, 'Expired authorization token');
      }
    } catch (err) {
      if (err instanceof ApiError) return sendError(reply, err);
      throw err;
    }
  });

  app.addHook('preSerialization', async (request: FastifyRequest, _reply, payload) =>
    routeKey(request).includes('/__sandbox') ? payload : omitNulls(payload),
  );

  const modules: RouteModule[] = [
    authRoutes,
    connectorRoutes,
    connectorIconRoutes,
    itemRoutes,
    accountRoutes,
    transactionRoutes,
    billRoutes,
    categoryRoutes,
    webhookRoutes,
    investmentRoutes,
    loanRoutes,
    consentRoutes,
    connectPageRoutes,
    ...extraRoutes,
  ];
  if (ctx.options.admin) modules.push(adminRoutes);
  for (const register of modules) register(app, ctx);
  return app;
}
