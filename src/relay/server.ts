// The relay server: Fastify with rate limits, the webhook intake, the device API, health and metrics.
import type { ServerResponse } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
} from 'fastify';
import type { RelayConfig } from './config';
import { createRelayLogger, maskUrl, type Logger } from './logger';
import { createMetrics, type RelayMetrics } from './metrics';
import { errorBody, sendError, type RelayContext } from './routes/context';
import { createDeviceGuards } from './routes/device-auth';
import { registerDeviceRoutes } from './routes/devices';
import { registerEventRoutes } from './routes/events';
import { registerHookRoutes } from './routes/hooks';
import { registerOpsRoutes } from './routes/ops';
import { registerStatusRoutes } from './routes/status';
import { createSecretAges } from './secret-ages';
import type { SecretAge } from '../shared/relay/wire';
import { openStore } from './store/open-store';
import type { RelayStore } from './store/types';
import { Waiters } from './waiters';

const PRUNE_EVERY_MS = 10 * 60_000;
const CLOSE_GRACE_MS = 2_000;
const DAY_MS = 86_400_000;

export interface RelayOptions {
  config: RelayConfig;
  logger?: Logger;
  /** An already open store (tests); otherwise opened from the config and closed with the relay. */
  store?: RelayStore;
  now?: () => number;
  /** Node process metrics (CPU, memory, event loop) on /metrics; on for `node dist/relay/main.js`. */
  processMetrics?: boolean;
  /** How often the webhook secrets' ages are checked again (and a warning logged): default once a day. */
  secretCheckEveryMs?: number;
}

export interface RunningRelay {
  url: string;
  port: number;
  store: RelayStore;
  metrics: RelayMetrics;
  /** Drops expired events now (it also runs every 10 minutes). */
  prune(): Promise<void>;
  /** Checks the webhook secrets' ages now (it also runs at start and once a day), warning past 90 days. */
  checkSecretAges(): Promise<SecretAge[]>;
  close(): Promise<void>;
}

/** A hop count becomes the equivalent proxy-addr function (Fastify's types take no number). */
function trustProxyOption(value: RelayConfig['trustProxy']) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  const { config } = options;
  const logger =
    options.logger ?? createRelayLogger({ level: config.logLevel, secretHeader: config.secretHeader });
  const now = options.now ?? Date.now;
  const store = options.store ?? (await openStore(config, logger));
  const shutdown = new AbortController();
  const waiters = new Waiters(store);
  const metrics = createMetrics({ processMetrics: options.processMetrics ?? false });
  const ctx: RelayContext = { config, store, waiters, metrics, logger, now, shutdown: shutdown.signal };

  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
  });
  app.decorateRequest('deviceId', null);

  app.addHook('onResponse', async (request, reply) => {
    request.log.debug(
      { method: request.method, url: maskUrl(request.url), status: reply.statusCode, ms: reply.elapsedTime },
      'request',
    );
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    const isHook = request.url.startsWith('/hooks/');
    if (status === 429) {
      if (isHook) metrics.rejected.inc({ reason: 'rate_limited' });
      return reply.code(429).send(errorBody('rate_limited', 'Too many requests; slow down.'));
    }
    if (status === 413) {
      if (isHook) metrics.rejected.inc({ reason: 'too_large' });
      return sendError(reply, 413, 'invalid_input', 'The request body is too large.');
    }
    if (status >= 400 && status < 500) {
      if (isHook) metrics.rejected.inc({ reason: 'malformed' });
      return sendError(reply, 400, 'invalid_input', 'The request body is not valid JSON.');
    }
    if (isHook) metrics.rejected.inc({ reason: 'store_failed' });
    request.log.error({ err: error, url: maskUrl(request.url) }, 'relay request failed');
    // 503 so Pluggy retries the delivery later.
    return sendError(reply, 503, 'unavailable', 'The relay could not handle the request; try again.');
  });

  const rateLimitRedis = config.redisUrl
    ? new Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        connectTimeout: 5_000,
        enableAutoPipelining: true,
      })
    : undefined;
  rateLimitRedis?.on('error', (error: Error) =>
    logger.warn({ err: error.message }, 'rate-limit redis error'),
  );
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitIp,
    timeWindow: 60_000,
    // Several instances share their counters through Redis; a Redis hiccup never blocks a request.
    ...(rateLimitRedis
      ? { redis: rateLimitRedis, nameSpace: `${config.redisPrefix}rate:`, skipOnError: true }
      : {}),
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`rate limited; retry after ${context.after}`), { statusCode: 429 }),
  });

  registerHookRoutes(app, ctx);
  const guards = createDeviceGuards(app, ctx);
  registerDeviceRoutes(app, ctx, guards);
  registerEventRoutes(app, ctx, guards);
  registerOpsRoutes(app, ctx);
  const secretAges = createSecretAges({ secrets: config.secrets, store, logger, now });
  registerStatusRoutes(app, ctx, guards, secretAges);

  const retention = { ackedMs: config.retentionHours * 3_600_000, maxAgeMs: config.maxAgeDays * 86_400_000 };
  const prune = async () => {
    try {
      await store.prune(now(), retention);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'pruning expired events failed; will retry');
    }
  };
  const pruneTimer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  pruneTimer.unref();
  await prune();
  const checkSecretAges = async (): Promise<SecretAge[]> => {
    try {
      return await secretAges.check();
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'webhook secret ages not checked; will retry');
      return secretAges.ages();
    }
  };
  const secretTimer = setInterval(() => void checkSecretAges(), options.secretCheckEveryMs ?? DAY_MS);
  secretTimer.unref();
  await checkSecretAges();

  let inFlight = 0;
  app.server.on('request', (_req, res: ServerResponse) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  logger.info({ port, host: config.host, store: store.kind }, 'relay listening');

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    store,
    metrics,
    prune,
    checkSecretAges,
    close() {
      closing ??= (async () => {
        clearInterval(pruneTimer);
        clearInterval(secretTimer);
        shutdown.abort();
        waiters.close();
        const closed = app.close();
        // Clients' pooled keep-alive sockets would hold server.close() open: once the requests in flight
        // are answered (or after a grace period), drop every socket.
        const deadline = Date.now() + CLOSE_GRACE_MS;
        while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        app.server.closeAllConnections();
        await closed;
        if (!options.store) await store.close();
        if (rateLimitRedis) await rateLimitRedis.quit();
      })();
      return closing;
    },
  };
}
