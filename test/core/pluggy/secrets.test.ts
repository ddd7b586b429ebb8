import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/core/logging/logger';
import { json } from './helpers/stub-server';
import { CLIENT_SECRET, clientFor, startPluggyStub, type PluggyStub } from './helpers/pluggy-stub';
import { account } from './helpers/payloads';

let stub: PluggyStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const CONNECT_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJjbGllbnRJZCI6ImNsaWVudCJ9.Y29ubmVjdC10b2tlbi1zaWduYXR1cmU';

describe('secrets around the Pluggy client', () => {
  it('never reach a log line, an error message, its JSON or its inspected form', async () => {
    let calls = 0;
    stub = await startPluggyStub({
      // Each failure mode, some echoing the key back as a careless server might.
      'GET /accounts/401': (req, res) =>
        json(res, 401, { code: 401, message: `Expired token ${String(req.headers['x-api-key'])}` }),
      'GET /accounts/429': (_req, res) =>
        json(res, 429, { code: 429, message: 'Too many' }, { 'RateLimit-Reset': '600' }),
      'GET /accounts/reset': (_req, res) => void res.socket?.destroy(),
      'GET /accounts/bad': (req, res) =>
        json(res, 200, { ...account(), name: 42, echo: req.headers['x-api-key'] }),
      'GET /accounts/500': (req, res) =>
        json(res, 500, {
          code: 500,
          message: `boom ${CLIENT_SECRET}`,
          data: { apiKey: req.headers['x-api-key'] },
        }),
      'POST /connect_token': (_req, res) => json(res, 200, { accessToken: CONNECT_TOKEN }),
      'GET /accounts/ok': (_req, res) => {
        calls++;
        json(res, 200, account());
      },
    });
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const client = clientFor(stub, {
      logger: createLogger({ level: 'debug', destination }),
      timeoutMs: 2_000,
    });
    await client.getAccount('ok');
    await client.createConnectToken({ clientUserId: 'user-1' });
    const errors: unknown[] = [];
    for (const id of ['401', '429', 'reset', 'bad', '500'])
      errors.push(await client.getAccount(id).catch((e: unknown) => e));
    const badClient = clientFor(stub, { clientSecret: `${CLIENT_SECRET}-wrong` });
    errors.push(await badClient.getAccount('ok').catch((e: unknown) => e));

    expect(calls).toBe(1);
    expect(errors).toHaveLength(6);
    expect(lines.length).toBeGreaterThan(5);
    const secrets = [CLIENT_SECRET, `${CLIENT_SECRET}-wrong`, CONNECT_TOKEN, ...stub.keys];
    const texts = [
      lines.join(''),
      ...errors.map((e) => (e as Error).message),
      ...errors.map((e) => JSON.stringify(e)),
      ...errors.map((e) => inspect(e, { depth: 6 })),
      ...errors.map((e) => JSON.stringify((e as { toAppError(): unknown }).toAppError())),
    ];
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
    // The errors still say what went wrong.
    expect(errors.map((e) => (e as Error).name)).toEqual([
      'PluggyAuthError',
      'PluggyRateLimitError',
      'PluggyNetworkError',
      'PluggyBadPayloadError',
      'PluggyApiError',
      'PluggyAuthError',
    ]);
  });
});
