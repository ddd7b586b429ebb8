// Test harness for the relay: a relay on 127.0.0.1 port 0 with either store, plus small HTTP and SSE clients.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import {
  parseRelayConfig,
  startRelay,
  type RelayConfigInput,
  type RelayOptions,
  type RunningRelay,
} from '../../src/relay';
import { DeviceRegistration, EventsPage, RelayEvent } from '../../src/shared/relay/wire';
import { startRedis, type TestRedis } from '../helpers/redis-server';

export type StoreKind = 'sqlite' | 'redis';
export const STORE_KINDS: StoreKind[] = ['sqlite', 'redis'];

export const SECRET_OLD = 'old-secret-0123456789abcdef';
export const SECRET_NEW = 'new-secret-fedcba9876543210';
export const ADMIN_TOKEN = 'admin-token-0123456789abcdef';

/** One redis-server per test file, started only if a test asks for it. */
let redis: Promise<TestRedis> | undefined;
const dirs: string[] = [];
const relays: RunningRelay[] = [];

export function useRelayCleanup(): void {
  afterAll(async () => {
    await Promise.all(relays.splice(0).map((r) => r.close()));
    if (redis) await (await redis).stop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
}

export function redisUrl(): Promise<string> {
  redis ??= startRedis();
  return redis.then((r) => r.url);
}

/** Where a relay keeps its state: a fresh SQLite folder or a fresh Redis key prefix. Reuse it to restart. */
export interface StoreLocation {
  dataDir: string;
  redisUrl?: string;
  redisPrefix?: string;
}

export async function newLocation(kind: StoreKind): Promise<StoreLocation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cofre-relay-'));
  dirs.push(dataDir);
  if (kind === 'sqlite') return { dataDir };
  return { dataDir, redisUrl: await redisUrl(), redisPrefix: `t${randomUUID().slice(0, 8)}:` };
}

export interface TestRelay {
  relay: RunningRelay;
  url: string;
  location: StoreLocation;
}

export async function startTestRelay(
  location: StoreLocation,
  config: Partial<RelayConfigInput> = {},
  options: Omit<RelayOptions, 'config'> = {},
): Promise<TestRelay> {
  const relay = await startRelay({
    config: parseRelayConfig({
      port: 0,
      host: '127.0.0.1',
      secrets: [SECRET_OLD, SECRET_NEW],
      adminToken: ADMIN_TOKEN,
      logLevel: 'silent',
      rateLimitHooks: 100_000,
      rateLimitIp: 100_000,
      rateLimitDevice: 100_000,
      ...location,
      ...config,
    }),
    ...options,
  });
  relays.push(relay);
  return { relay, url: relay.url, location };
}

export async function registerDevice(url: string, label?: string): Promise<DeviceRegistration> {
  const res = await fetch(`${url}/v1/devices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(label ? { label } : {}),
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  return DeviceRegistration.parse(await res.json());
}

export function itemEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event: 'item/updated',
    eventId: randomUUID(),
    id: 'item-1',
    itemId: 'item-1',
    triggeredBy: 'SYNC',
    clientUserId: 'nobody',
    ...overrides,
  };
}

export function postWebhook(
  url: string,
  body: unknown,
  headers: Record<string, string> = { 'x-cofre-secret': SECRET_NEW },
  path = '/hooks/pluggy',
): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function poll(
  url: string,
  token: string,
  query: Record<string, string | number> = {},
): Promise<EventsPage> {
  const qs = new URLSearchParams(Object.entries({ wait: 0, ...query }).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${url}/v1/events?${qs}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`poll failed: ${res.status} ${await res.text()}`);
  return EventsPage.parse(await res.json());
}

export interface SseClient {
  events: RelayEvent[];
  comments: string[];
  /** Resolves once `count` events have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<RelayEvent[]>;
  close(): void;
}

/** A minimal EventSource over fetch: collects `webhook` events (and comments) until closed. */
export async function openSse(url: string, token: string, lastEventId?: string): Promise<SseClient> {
  const controller = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const res = await fetch(`${url}/v1/events/stream`, { headers, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`stream failed: ${res.status} ${await res.text()}`);
  const client: SseClient = {
    events: [],
    comments: [],
    waitFor: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (client.events.length < count) {
        if (Date.now() > deadline) throw new Error(`got ${client.events.length} of ${count} events`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return client.events;
    },
    close: () => controller.abort(),
  };
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = frame.split('\n');
          for (const l of lines) if (l.startsWith(':')) client.comments.push(l.slice(1).trim());
          const data = lines.find((l) => l.startsWith('data: '));
          if (data) client.events.push(RelayEvent.parse(JSON.parse(data.slice(6))));
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  })();
  return client;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
