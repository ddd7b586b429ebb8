// A webhook receiver on 127.0.0.1:0 that records deliveries and answers with scripted statuses.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookEvent } from '../../src/shared/pluggy';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  event: WebhookEvent;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Status for the nth request to a path (default 200). */
  respond: (path: string, nth: number) => number;
  waitFor(predicate: (all: Received[]) => boolean, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const counts = new Map<string, number>();
  const receiver: Receiver = {
    url: '',
    received,
    respond: () => 200,
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline)
          throw new Error(
            `receiver: condition not met; got ${received.map((r) => r.event.event).join(', ')}`,
          );
        await new Promise((r) => setTimeout(r, 10));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const nth = (counts.get(path) ?? 0) + 1;
      counts.set(path, nth);
      // Every delivered payload must parse with the shared schema.
      received.push({
        path,
        headers: req.headers,
        event: WebhookEvent.parse(JSON.parse(Buffer.concat(chunks).toString('utf8'))),
      });
      res.statusCode = receiver.respond(path, nth);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
