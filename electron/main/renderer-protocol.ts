// Serves the built renderer on app://cofre with the CSP as a response header (file:// cannot carry one).
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Registered before 'ready': a standard, secure scheme, so the page gets a real origin and ES modules load. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false },
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface RendererRequestOptions {
  /** The folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** The policy for HTML documents; read per request, so it follows the mode. */
  csp: () => string;
  /** Documents generated in memory (the passphrase prompt), by exact path; checked before the folder. */
  virtualFile?: (path: string) => { type: string; body: string } | null;
  /** A one-time Connect session (`/connect-frame/<id>`): the Connect page URL to redirect to, or null. */
  connectFrame?: (sessionId: string) => string | null;
}

const CONNECT_FRAME = /^\/connect-frame\/([A-Za-z0-9_-]{16,64})$/;

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
}

/** The protocol.handle handler: only GET of files inside rendererDir; anything else is a 404. */
export function rendererRequestHandler(
  options: RendererRequestOptions,
): (request: Request) => Promise<Response> {
  const root = resolve(options.rendererDir);
  return async (request) => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.host !== APP_HOST) return notFound();
    const frame = CONNECT_FRAME.exec(url.pathname);
    if (frame && options.connectFrame) {
      // The connect token travels only in this redirect, never through the page's own code.
      const target = options.connectFrame(frame[1]!);
      if (!target) return new Response('Connect session expired', { status: 410 });
      return new Response(null, { status: 302, headers: { location: target, 'cache-control': 'no-store' } });
    }
    const virtual = options.virtualFile?.(url.pathname);
    if (virtual) return respond(virtual.type, Buffer.from(virtual.body, 'utf8'), options.csp);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    } catch {
      return notFound(); // a malformed %-escape names no file
    }
    const file = resolve(root, `.${path}`);
    // A path that climbs out of the renderer folder (../, encoded or not) is refused.
    if (!file.startsWith(root + sep)) return notFound();
    const type = MIME[extname(file).toLowerCase()];
    if (!type) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return notFound();
      throw error;
    }
    return respond(type, body, options.csp);
  };
}

function respond(type: string, body: Buffer, csp: () => string): Response {
  const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff' };
  if (type.startsWith('text/html')) headers['content-security-policy'] = csp();
  return new Response(new Uint8Array(body), { status: 200, headers });
}
