// Relay scenario: 10k webhooks from 50 concurrent senders into one relay process with 50 SSE subscribers,
// SQLite store vs Redis store — throughput and webhook→client latency.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../../helpers/redis-server';
import { percentile } from '../stats';
import type { BenchRow, BenchScenario } from '../types';

const WEBHOOKS = 10_000;
const SENDERS = 50;
const SUBSCRIBERS = 50;
const SECRET = 'bench-secret-0123456789abcdef';
const ADMIN = 'bench-admin-0123456789abcdef';
const MAIN = fileURLToPath(new URL('../../../src/relay/main.ts', import.meta.url));

interface Device {
  deviceId: string;
  token: string;
}

function spawnRelay(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        ...process.env,
        RELAY_PORT: '0',
        RELAY_SECRETS: SECRET,
        RELAY_ADMIN_TOKEN: ADMIN,
        RELAY_LOG_LEVEL: 'warn',
        RELAY_RATE_LIMIT_IP: '10000000',
        RELAY_RATE_LIMIT_HOOKS: '10000000',
        RELAY_RATE_LIMIT_DEVICE: '10000000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /relay listening on (\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}: ${out}`)));
  });
}

// node:http with a keep-alive pool: a lighter load generator than fetch, so the relay is what is measured.
const agent = new Agent({ keepAlive: true, maxSockets: SENDERS });

function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-cofre-secret': SECRET,
        },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

/** Opens an SSE stream and calls `onEvent(eventId)` per delivered webhook. */
async function subscribe(
  url: string,
  token: string,
  onEvent: (eventId: string) => void,
  signal: AbortSignal,
) {
  const res = await fetch(`${url}/v1/events/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal,
  });
  if (!res.body) throw new Error(`stream failed: ${res.status}`);
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .find((l) => l.startsWith('data: '));
          buffer = buffer.slice(end + 2);
          if (data) onEvent((JSON.parse(data.slice(6)) as { eventId: string }).eventId);
        }
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  })();
}

async function runOnce(store: string, env: Record<string, string>): Promise<BenchRow[]> {
  const relay = await spawnRelay(env);
  const abort = new AbortController();
  try {
    const devices: Device[] = [];
    for (let i = 0; i < SUBSCRIBERS; i += 1) {
      const res = await fetch(`${relay.url}/v1/devices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      devices.push((await res.json()) as Device);
    }
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let allDelivered: () => void = () => undefined;
    const delivered = new Promise<void>((r) => (allDelivered = r));
    const onEvent = (eventId: string) => {
      const start = sentAt.get(eventId);
      if (start === undefined) return;
      latencies.push(performance.now() - start);
      if (latencies.length === WEBHOOKS) allDelivered();
    };
    await Promise.all(devices.map((d) => subscribe(relay.url, d.token, onEvent, abort.signal)));

    const answers: number[] = [];
    let next = 0;
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < WEBHOOKS) {
          const i = next++;
          const eventId = randomUUID();
          const body = JSON.stringify({
            event: 'item/updated',
            eventId,
            itemId: `item-${i}`,
            triggeredBy: 'SYNC',
            clientUserId: devices[i % SUBSCRIBERS]!.deviceId,
          });
          const t = performance.now();
          sentAt.set(eventId, t);
          const status = await post(`${relay.url}/hooks/pluggy`, body);
          if (status !== 200) failures += 1;
          answers.push(performance.now() - t);
        }
      }),
    );
    const sendSeconds = (performance.now() - started) / 1000;
    await Promise.race([delivered, new Promise((r) => setTimeout(r, 30_000))]);
    const deliverSeconds = (performance.now() - started) / 1000;
    answers.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    const row = (metric: string, value: number, unit: string, note?: string): BenchRow => ({
      scenario: 'relay',
      metric: `${metric} (${store})`,
      value,
      unit,
      ...(note ? { note } : {}),
    });
    return [
      row('webhooks accepted per second', Math.round(WEBHOOKS / sendSeconds), '/s', 'goal ≥ 2,000/s'),
      row('webhook answer p50', percentile(answers, 50), 'ms'),
      row('webhook answer p99', percentile(answers, 99), 'ms', 'Pluggy gives up after 10 s'),
      row('webhook→client p50', percentile(latencies, 50), 'ms'),
      row('webhook→client p99', percentile(latencies, 99), 'ms', 'goal ≤ 50 ms'),
      row('delivered to subscribers', latencies.length, 'events', `of ${WEBHOOKS}; ${failures} non-2xx`),
      row('all delivered after', deliverSeconds, 's'),
    ];
  } finally {
    abort.abort();
    relay.child.kill('SIGTERM');
    await new Promise((r) => relay.child.once('exit', r));
  }
}

export const scenario: BenchScenario = {
  name: 'relay',
  description: `${WEBHOOKS} webhooks, ${SENDERS} senders, ${SUBSCRIBERS} SSE subscribers; SQLite vs Redis store`,
  async run(): Promise<BenchRow[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'cofre-bench-relay-'));
    const redis = await startRedis();
    try {
      const sqlite = await runOnce('sqlite', { RELAY_DATA_DIR: dataDir });
      const onRedis = await runOnce('redis', { RELAY_DATA_DIR: dataDir, REDIS_URL: redis.url });
      return [...sqlite, ...onRedis];
    } finally {
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
