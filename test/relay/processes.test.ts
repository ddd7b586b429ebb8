// Real relay processes: a SIGKILL loses no answered webhook; two instances on one Redis deliver across each other.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  SECRET_NEW,
  itemEvent,
  newLocation,
  openSse,
  poll,
  postWebhook,
  registerDevice,
  useRelayCleanup,
  type StoreKind,
  type StoreLocation,
} from './harness';

useRelayCleanup();

const MAIN = fileURLToPath(new URL('../../src/relay/main.ts', import.meta.url));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

interface RelayProcess {
  child: ChildProcess;
  url: string;
}

/** `node --import tsx src/relay/main.ts`, configured by env like a deployment; resolves once listening. */
function spawnRelay(location: StoreLocation): Promise<RelayProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RELAY_PORT: '0',
    RELAY_HOST: '127.0.0.1',
    RELAY_SECRETS: SECRET_NEW,
    RELAY_ADMIN_TOKEN: ADMIN_TOKEN,
    RELAY_DATA_DIR: location.dataDir,
    RELAY_LOG_LEVEL: 'warn',
    REDIS_URL: location.redisUrl ?? '',
    RELAY_REDIS_PREFIX: location.redisPrefix ?? '',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${out}`)), 20_000);
    const collect = (d: Buffer) => {
      out += d.toString();
      const match = /relay listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}: ${out}`));
    });
  });
}

function kill9(relay: RelayProcess): Promise<void> {
  return new Promise((resolve) => {
    relay.child.once('exit', () => resolve());
    relay.child.kill('SIGKILL');
  });
}

describe.each<StoreKind>(['sqlite', 'redis'])('relay process (%s store)', (kind) => {
  it('loses no answered webhook when killed with SIGKILL and restarted on the same store', async () => {
    const location = await newLocation(kind);
    const first = await spawnRelay(location);
    const device = await registerDevice(first.url);
    const events = Array.from({ length: 60 }, () => itemEvent({ clientUserId: device.deviceId }));
    const answered: string[] = [];
    // Concurrent senders, then SIGKILL the moment the last answer arrives.
    await Promise.all(
      Array.from({ length: 6 }, async (_, lane) => {
        for (const e of events.filter((_, i) => i % 6 === lane)) {
          const res = await postWebhook(first.url, e);
          if (res.status === 200) answered.push(String(e['eventId']));
        }
      }),
    );
    await kill9(first);
    expect(answered).toHaveLength(60);

    const second = await spawnRelay(location);
    const page = await poll(second.url, device.token, { limit: 500 });
    expect(new Set(page.events.map((e) => e.eventId))).toEqual(new Set(answered));
    await kill9(second);
  });
});

describe('two relay processes on one Redis', () => {
  it('delivers to a device streaming from instance A an event posted to instance B', async () => {
    const location = await newLocation('redis');
    const [a, b] = await Promise.all([spawnRelay(location), spawnRelay(location)]);
    const device = await registerDevice(b.url);
    const stream = await openSse(a.url, device.token);
    const events = Array.from({ length: 5 }, () => itemEvent({ clientUserId: device.deviceId }));
    for (const e of events) expect((await postWebhook(b.url, e)).status).toBe(200);
    const received = await stream.waitFor(5);
    stream.close();
    expect(received.map((e) => e.eventId)).toEqual(events.map((e) => e['eventId']));
    // A long-poll parked on B wakes for an event A receives.
    const cursor = received.at(-1)?.cursor ?? '';
    const pending = poll(b.url, device.token, { after: cursor, wait: 10 });
    const late = itemEvent({ clientUserId: device.deviceId });
    await new Promise((r) => setTimeout(r, 200));
    await postWebhook(a.url, late);
    expect((await pending).events.map((e) => e.eventId)).toEqual([late['eventId']]);
    await Promise.all([kill9(a), kill9(b)]);
  });
});
