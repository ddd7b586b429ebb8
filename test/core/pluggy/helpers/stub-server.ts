// A tiny Pluggy stand-in on 127.0.0.1:0: each test scripts the answers and reads back what arrived.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path and raw query exactly as received. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type StubHandler = (req: SeenRequest, res: ServerResponse) => void | Promise<void>;

export interface StubServer {
  url: string;
  seen: SeenRequest[];
  count(method: string, path: string): number;
  close(): Promise<void>;
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startStub(handler: StubHandler): Promise<StubServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: SeenRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(request);
      Promise.resolve(handler(request, res)).catch((err: unknown) => {
        json(res, 599, { code: 599, message: `stub failed: ${String(err)}` });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    count: (method, path) => seen.filter((r) => r.method === method && r.url.split('?')[0] === path).length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
