// Serves the demo Connect page: /connect (HTML), /connect/app.js, and zoid 9.0.63 as /connect/zoid.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { CONNECT_HTML } from './page-html';
import { CONNECT_SCRIPT } from './page-script';

/** The page must load inside another origin's iframe (the app), so framing is allowed; everything else is 'self'. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors *";

let zoidSource: string | undefined;
function zoid(): string {
  zoidSource ??= readFileSync(createRequire(import.meta.url).resolve('zoid/dist/zoid.min.js'), 'utf8');
  return zoidSource;
}

export function connectPageRoutes(app: FastifyInstance, _ctx: SandboxContext): void {
  const opts = { config: { access: 'public' as const } };
  app.get('/connect', opts, async (_request, reply) =>
    reply
      .header('Content-Security-Policy', CSP)
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(CONNECT_HTML),
  );
  app.get('/connect/app.js', opts, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(CONNECT_SCRIPT),
  );
  app.get('/connect/zoid.js', opts, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'max-age=3600').send(zoid()),
  );
}
