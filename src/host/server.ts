// The browser host: the core behind POST /rpc/:channel and GET /events, plus the built renderer, on loopback.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { MAX_BACKUP_BASE64 } from '../shared/contract';
import type { Core, Logger } from '../core';
import { AppError } from '../shared/errors';
import { streamEvents } from './event-stream';
import { allowedHosts, allowedOrigins, bearerToken, newLaunchToken, tokensMatch } from './host-auth';
import { contentSecurityPolicy, loadIndexHtml } from './renderer-page';

/** What the host serves: a started core, or the startup gate standing in for it while it starts. */
export type HostedCore = Pick<Core, 'handle' | 'events' | 'openConnectFrame'>;

export interface HostOptions {
  core: HostedCore;
  port?: number;
  token?: string;
  /** Folder of the built renderer (vite output); without it only the API is served. */
  rendererDir?: string;
  /** Extra origins the page may frame (the demo Connect page, Pluggy Connect). */
  frameSources?: string[];
  logger?: Logger;
}

export interface RunningHost {
  url: string;
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Record<string, number> = {
  invalid_input: 400,
  unknown_channel: 404,
  unauthorized: 401,
  forbidden: 403,
  internal: 500,
};

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? newLaunchToken();
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  let port = 0;

  // One policy for every answer: the page at `/`, the same file fetched as `/index.html`, and every asset.
  const csp = contentSecurityPolicy(options.frameSources ?? []);
  const authorised = (request: FastifyRequest): boolean =>
    tokensMatch(bearerToken(request.headers.authorization), token);

  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    const origin = request.headers.origin;
    if (!allowedHosts(port).has(host) || (origin !== undefined && !allowedOrigins(port).has(origin))) {
      return reply
        .code(403)
        .send(errorBody(new AppError('forbidden', 'This host or origin is not allowed.')));
    }
    reply.header('content-security-policy', csp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });

  app.setErrorHandler((error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.';
      return reply.code(status).send(errorBody(new AppError('invalid_input', message)));
    }
    options.logger?.error({ err: error }, 'host request failed');
    return reply.code(500).send(errorBody(new AppError('internal', 'The host failed to answer.')));
  });

  const rpc = async (channel: string, request: FastifyRequest, reply: FastifyReply) => {
    if (!authorised(request)) return reply.code(401).send(unauthorised());
    const result = await options.core.handle(channel, request.body ?? {});
    const status = result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 200);
    return reply.code(status).send(result);
  };
  app.post<{ Params: { channel: string } }>('/rpc/:channel', (request, reply) =>
    rpc(request.params.channel, request, reply),
  );
  // A backup travels whole in one call: only this channel's body may be larger than 1 MB.
  app.post('/rpc/backup.restore', { bodyLimit: MAX_BACKUP_BASE64 + 64 * 1024 }, (request, reply) =>
    rpc('backup.restore', request, reply),
  );

  // The Connect frame's one-time URL: the token goes from here to the Connect page, never through the page.
  // An iframe cannot send the launch token, so the id is the credential: 192 random bits, handed only to an
  // authorised caller of connections.connectToken, good once and for 10 minutes.
  app.get<{ Params: { id: string } }>('/connect-frame/:id', async (request, reply) => {
    const target = options.core.openConnectFrame(request.params.id);
    if (!target) {
      return reply
        .code(410)
        .type('text/plain; charset=utf-8')
        .send('Esta sessão de conexão expirou. Feche e abra "Conectar um banco" de novo.');
    }
    reply.header('cache-control', 'no-store');
    return reply.redirect(target, 302);
  });

  app.get<{ Querystring: { token?: string } }>('/events', async (request, reply) => {
    // EventSource cannot send a header: the stream (only) may carry the token in its same-origin URL.
    if (!authorised(request) && !tokensMatch(request.query.token, token)) {
      return reply.code(401).send(unauthorised());
    }
    streamEvents(options.core.events, request, reply);
  });

  const rendererDir = options.rendererDir;
  const indexHtml = rendererDir && existsSync(rendererDir) ? loadIndexHtml(rendererDir) : undefined;
  app.get<{ Querystring: { token?: string } }>('/', async (request, reply) => {
    if (request.query.token !== undefined) {
      if (!tokensMatch(request.query.token, token)) return reply.code(401).send(unauthorised());
      // An older launch link: move the token into the fragment, where the bridge takes it (no cookie).
      reply.header('cache-control', 'no-store');
      return reply.redirect(`/#token=${token}`, 303);
    }
    if (!indexHtml)
      return reply.code(404).type('text/plain').send('The renderer is not built: npm run build');
    return reply.type('text/html; charset=utf-8').send(indexHtml);
  });
  if (rendererDir && existsSync(rendererDir)) {
    await app.register(fastifyStatic, { root: rendererDir, index: false, wildcard: true });
  }

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    launchUrl: `${url}/#token=${token}`,
    port,
    token,
    close: () => app.close(),
  };
}

function errorBody(error: AppError) {
  return { ok: false, error: error.toJSON() };
}

function unauthorised() {
  return errorBody(new AppError('unauthorized', 'A valid launch token is required.'));
}
