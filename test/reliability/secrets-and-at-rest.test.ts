// Secrets and data at rest, after a full run (connect, syncs through faults, errors, MFA, settings with a
// typed client secret, webhooks through a relay process, exports): no secret in any log, the audit log, a
// plaintext dump of the DB, the host's /rpc answers or its SSE stream; no description in the DB files.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core';
import { createLogger, type Logger } from '../../src/core/logging/logger';
import { JWT_PATTERN } from '../../src/core/logging/secret-keys';
import { openDatabase } from '../../src/core/store';
import { startHost, type RunningHost } from '../../src/host/server';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { tempDir } from '../helpers/temp-dir';
import { fetchTruth } from './convergence';
import { fastClock } from './fast-clock';
import { writeFigures } from './figures';
import {
  RELAY_ADMIN,
  RELAY_SECRET,
  SECRET_HEADER,
  freePort,
  pollEvents,
  registerDevice,
  relayDataDir,
  spawnRelay,
  type RelayChild,
} from './relay-world';
import { dumpDatabase, filesUnder, scanText, type Finding, type NamedSecret } from './secret-scanner';

const CLIENT_SECRET = 'sandbox-client-secret-4b8d2f6a1c9e';
const TYPED_SECRET = 'typed-in-settings-secret-7e1a3c5b9d';
const dataDir = tempDir('cofre-secrets-');
const relayData = relayDataDir();
const clock = fastClock();
let sandbox: RunningSandbox;
let core: Core;
let host: RunningHost;
let relay: RelayChild;
let logger: Logger;
const secrets: NamedSecret[] = [
  { name: 'client secret', value: CLIENT_SECRET },
  { name: 'typed client secret', value: TYPED_SECRET },
  { name: 'relay webhook secret', value: RELAY_SECRET },
  { name: 'relay admin token', value: RELAY_ADMIN },
];
/** Every /rpc answer body (the host keeps connect tokens server-side: the page gets a frame URL). */
const rpcAnswers: string[] = [];
let sse = '';
const sseAbort = new AbortController();
const itemIds: string[] = [];
const figures = {
  secretsFound: 0,
  placesScanned: 0,
  bytesScanned: 0,
  descriptionsChecked: 0,
  atRestFiles: 0,
};

/** Calls through the host; `mustSucceed` retries what the injected faults broke (a user would retry too). */
async function rpc(channel: string, input: unknown, mustSucceed = false): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const answer = await rpcOnce(channel, input);
    if (answer.ok || !mustSucceed) return answer.value;
    if (attempt >= 8) throw new Error(`${channel} kept failing: ${JSON.stringify(answer.error)}`);
  }
}

async function rpcOnce(
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const res = await fetch(`${host.url}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  const answer = JSON.parse(text) as { ok: boolean; value?: unknown; error?: unknown };
  rpcAnswers.push(`${channel}: ${text}`);
  return answer;
}

async function settle(itemId: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const list = (await rpc('connections.list', {})) as { itemId: string; syncing: boolean }[];
    if (!list.find((c) => c.itemId === itemId)?.syncing) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${itemId} never settled`);
}

/** The connect token the core hands the Connect page: behind the host's one-time frame URL's redirect. */
async function connectToken(): Promise<string | null> {
  const answer = (await rpc('connections.connectToken', {}, true)) as { kind: string; frameUrl?: string };
  if (answer.kind !== 'frame' || !answer.frameUrl) return null;
  const res = await fetch(`${host.url}${answer.frameUrl}`, {
    headers: { authorization: `Bearer ${host.token}` },
    redirect: 'manual',
  });
  const token = [...(res.headers.get('location') ?? '').matchAll(JWT_PATTERN)][0]?.[0] ?? null;
  if (token) secrets.push({ name: 'connect token', value: token });
  return token;
}

/** Connect as the page would; a revoked token (forced apiKey expiry) or a 5xx is retried with a new one. */
async function connect(user: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const token = await connectToken();
    if (!token) continue;
    const res = await fetch(`${sandbox.url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': token },
      body: JSON.stringify({ connectorId: 0, parameters: { user, password: 'password-ok' } }),
    }).catch(() => null);
    const id = res?.ok ? ((await res.json()) as { id: string }).id : null;
    if (!id) continue;
    itemIds.push(id);
    await rpc('connections.save', { itemId: id }, true);
    await settle(id);
    return id;
  }
  throw new Error(`could not connect ${user} through the faults`);
}

beforeAll(async () => {
  sandbox = await startSandbox({
    admin: true,
    seed: 'secrets-scan',
    executionMs: 100,
    clientSecret: CLIENT_SECRET,
    transactionsPerAccount: 80,
    newDataOnSync: true,
    faultsFromEnv: false,
    clock: () => clock.now(),
    faults: {
      error5xxRate: 0.1,
      resetRate: 0.03,
      burst429: { every: 40, length: 2 },
      forceApiKeyExpiryEvery: 9,
    },
  });
  logger = createLogger({ file: join(dataDir, 'logs', 'cofre.log'), level: 'trace' });
  core = await createCore({
    dataDir,
    mode: 'demo',
    host: 'test',
    version: 'test',
    logger,
    clock,
    scheduler: false,
    pluggy: { baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: CLIENT_SECRET },
    connectUrl: `${sandbox.url}/connect`,
  });
  host = await startHost({ core, logger });
  secrets.push({ name: 'host launch token', value: host.token });
  secrets.push({ name: 'DB key', value: readFileSync(join(dataDir, 'db.key'), 'utf8').trim() });
  const stream = await fetch(`${host.url}/events`, {
    headers: { authorization: `Bearer ${host.token}` },
    signal: sseAbort.signal,
  });
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>)
        sse += decoder.decode(chunk);
    } catch (error) {
      if (!sseAbort.signal.aborted) throw error;
    }
  })();
  relay = await spawnRelay(relayData.dir, await freePort());
}, 60_000);

afterAll(async () => {
  sseAbort.abort();
  await relay.kill9();
  await host.close();
  await core.close();
  await sandbox.close();
  relayData.remove();
  writeFigures('secrets', figures);
});

describe('secrets', () => {
  it('leave no trace in logs, audit, DB dump, /rpc answers, the SSE stream or the relay log', async () => {
    // Webhooks: Pluggy (the sandbox) → relay process → this device → the core's intake.
    const device = await registerDevice(relay.url);
    secrets.push({ name: 'device token', value: device.token });
    secrets.push({ name: 'channel id', value: device.channelUrl.split('/').pop() ?? '' });
    const auth = await fetch(`${sandbox.url}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: sandbox.clientId, clientSecret: CLIENT_SECRET }),
    });
    const { apiKey } = (await auth.json()) as { apiKey: string };
    secrets.push({ name: 'an apiKey', value: apiKey });
    await fetch(`${sandbox.url}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({
        event: 'all',
        url: `${relay.url}/hooks/pluggy`,
        headers: { [SECRET_HEADER]: RELAY_SECRET },
      }),
    });

    const ok = await connect('user-ok');
    await connect('user-locked');
    await rpc('settings.update', {
      pluggy: { clientId: '0b7c2f4e-1a3d-4c5b-8e9f-a1b2c3d4e5f6', clientSecret: TYPED_SECRET },
    });
    await fetch(`${relay.url}/v1/devices/me/items`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ itemIds }),
    });
    for (let i = 0; i < 3; i++) {
      await rpc('connections.sync', { itemId: ok });
      await settle(ok);
    }
    await rpc('connections.submitMfa', { itemId: ok, values: { token: TYPED_SECRET } });
    await rpc('connections.sync', { itemId: '00000000-0000-4000-8000-000000000000' });
    await rpc('settings.update', { pluggy: { clientSecret: '' } });
    await sandbox.admin.webhooksIdle();
    const relayed = (await pollEvents(relay.url, device.token)).events;
    expect(relayed.length).toBeGreaterThan(0);
    for (const event of relayed) {
      // Unknown event types are refused by the intake (invalid_input); the scan is what matters here.
      await core.intakeWebhook(event.payload).catch(() => undefined);
    }
    await settle(ok);
    for (const channel of [
      'connections.list',
      'accounts.list',
      'notices.list',
      'health.get',
      'settings.get',
    ]) {
      await rpc(channel, {});
    }
    await rpc('transactions.page', { filter: {}, limit: 500 });
    await rpc('sync.runs', { limit: 100 });
    await rpc('audit.page', { filter: {}, limit: 500 });
    const auditJsonl = (await rpc('audit.export', { format: 'jsonl', filter: {} })) as { content: string };
    const auditCsv = (await rpc('audit.export', { format: 'csv', filter: {} })) as { content: string };
    await new Promise<void>((resolve) => logger.flush(() => resolve()));

    const findings: Finding[] = [];
    const scan = (where: string, text: string, options?: { jwtsAllowed?: boolean }) => {
      figures.placesScanned++;
      figures.bytesScanned += text.length;
      findings.push(...scanText(where, text, secrets, options));
    };
    for (const file of filesUnder(join(dataDir, 'logs'))) scan(file.path, file.text);
    scan('relay log', relay.output());
    scan('audit export (jsonl)', auditJsonl.content);
    scan('audit export (csv)', auditCsv.content);
    scan('settings.json', readFileSync(join(dataDir, 'settings.json'), 'utf8'));
    scan('/rpc answers', rpcAnswers.join('\n'));
    scan('SSE stream', sse);
    const key = Buffer.from(readFileSync(join(dataDir, 'db.key'), 'utf8').trim(), 'hex');
    const db = openDatabase({ file: join(dataDir, 'demo', 'cofre.db'), key });
    try {
      scan('DB dump', dumpDatabase(db));
    } finally {
      db.close();
    }
    // The scanner is not blind: the log was written, and a planted secret (hex-encoded, as a logged
    // Buffer would be) is found.
    const logBytes = filesUnder(join(dataDir, 'logs')).reduce((n, f) => n + f.text.length, 0);
    expect(logBytes).toBeGreaterThan(1_000);
    expect(relay.output()).toContain('"level"');
    expect(scanText('control', Buffer.from(CLIENT_SECRET).toString('hex'), secrets)).toHaveLength(1);
    figures.secretsFound = findings.length;
    expect(findings).toEqual([]);
    expect(rpcAnswers.length).toBeGreaterThan(20);
    expect(sse).toContain('sync.progress');
  });
});

describe('data at rest', () => {
  const fingerprint = (file: string) => {
    const bytes = readFileSync(file);
    return {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      mtime: statSync(file).mtimeMs,
    };
  };

  it('keeps every known description out of the DB file, its WAL and every other file of the data dir', async () => {
    const truth = await fetchTruth(sandbox.url, itemIds[0]!);
    const descriptions = [
      ...new Set(truth.transactions.map((t) => t.description).filter((d) => d.length >= 10)),
    ].slice(0, 60);
    expect(descriptions.length).toBeGreaterThan(20);
    figures.descriptionsChecked = descriptions.length;
    const files = filesUnder(dataDir).filter((f) => !f.path.includes(`${join(dataDir, 'logs')}`));
    expect(files.some((f) => f.path.endsWith('cofre.db-wal'))).toBe(true);
    figures.atRestFiles = files.length;
    const leaks: string[] = [];
    for (const { path, text } of files) {
      const utf16 = Buffer.from(text, 'latin1').toString('utf16le');
      for (const d of descriptions) {
        if (text.includes(Buffer.from(d, 'utf8').toString('latin1')) || utf16.includes(d))
          leaks.push(`${path}: ${d}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('refuses a wrong key clearly and leaves the DB file and its WAL unchanged', async () => {
    await core.close();
    const file = join(dataDir, 'demo', 'cofre.db');
    const before = [fingerprint(file)];
    let error: unknown;
    try {
      openDatabase({ file, key: randomBytes(32) }).close();
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: expect.stringMatching(/^db_/) });
    expect((error as Error).message).not.toMatch(/[0-9a-f]{64}/);
    expect([fingerprint(file)]).toEqual(before);
    // Reopened with the right key, everything is still there.
    const key = Buffer.from(readFileSync(join(dataDir, 'db.key'), 'utf8').trim(), 'hex');
    const db = openDatabase({ file, key });
    expect(Number(db.prepare('SELECT count(*) FROM transactions').pluck().get())).toBeGreaterThan(0);
    db.close();
    core = await createCore({
      dataDir,
      mode: 'demo',
      host: 'test',
      version: 'test',
      scheduler: false,
      pluggy: null,
    });
  });
});
