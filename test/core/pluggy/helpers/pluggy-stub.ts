// A scripted Pluggy on a stub server: /auth issues JWT apiKeys, other routes answer as each test says.
import type { ServerResponse } from 'node:http';
import { createPluggyClient, type PluggyClientOptions } from '../../../../src/core/pluggy';
import { createFakeClock, type FakeClock } from './fake-clock';
import { fakeJwt } from './jwt';
import { json, startStub, type SeenRequest, type StubServer } from './stub-server';

export const CLIENT_ID = 'client-id-for-tests';
export const CLIENT_SECRET = 'client-secret-that-must-never-leak';

export type Route = (
  req: SeenRequest,
  res: ServerResponse,
  ctx: { keys: string[]; url: URL },
) => void | Promise<void>;

export interface PluggyStub extends StubServer {
  /** apiKeys issued by /auth, oldest first. */
  keys: string[];
  clock: FakeClock;
}

/** Routes keyed `METHOD /path` (path without query); `POST /auth` defaults to issuing a 2 h key. */
export async function startPluggyStub(routes: Record<string, Route>, prefix = ''): Promise<PluggyStub> {
  const clock = createFakeClock();
  const keys: string[] = [];
  const auth: Route = (req, res) => {
    const body = JSON.parse(req.body) as { clientId?: string; clientSecret?: string };
    if (body.clientId !== CLIENT_ID || body.clientSecret !== CLIENT_SECRET) {
      json(res, 401, {
        code: 401,
        codeDescription: 'CLIENT_KEYS_UNAUTHORIZED',
        message: 'Client keys are invalid',
      });
      return;
    }
    const iat = clock.now() / 1000;
    const apiKey = fakeJwt({ n: keys.length + 1, iat, exp: Math.floor(iat) + 7_200 });
    keys.push(apiKey);
    json(res, 200, { apiKey });
  };
  const table: Record<string, Route> = { 'POST /auth': auth, ...routes };
  const server = await startStub(async (req, res) => {
    const url = new URL(req.url, 'http://stub');
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : `(outside ${prefix})`;
    const route = table[`${req.method} ${path}`];
    if (!route) {
      json(res, 404, { code: 404, message: `Cannot ${req.method} ${url.pathname}` });
      return;
    }
    await route(req, res, { keys, url });
  });
  return Object.assign(server, { keys, clock });
}

export function clientFor(stub: PluggyStub, over: Partial<PluggyClientOptions> = {}) {
  return createPluggyClient({
    baseUrl: stub.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    clock: stub.clock,
    retry: { random: () => 0.5 },
    ...over,
  });
}
