// Redis Streams store: one inbox stream per device, shared by every relay instance; a feed stream wakes them all.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { AppError } from '../../shared/errors';
import type { Logger } from '../logger';
import { Listeners } from './listeners';
import { migrateRedisSchema } from './migrations/redis-schema';
import { ACK_LUA, APPEND_LUA, Script } from './redis-scripts';
import {
  connectorRoutingKey,
  isConnectorRoutingKey,
  type ReadResult,
  type RelayStore,
  type StoredEvent,
} from './types';

export interface RedisStoreOptions {
  url: string;
  prefix: string;
  /** Seconds an eventId is remembered for dedupe (the max age). */
  dedupeSeconds: number;
  logger: Logger;
  /** Newest entries kept per device inbox (approximate), so a silent device cannot fill memory. */
  inboxMaxLen?: number;
}

const FEED_MAX_LEN = 10_000;
const FEED_BLOCK_MS = 5_000;
const CURSOR = /^(\d{1,15})-(\d{1,10})$/;

function fieldsToMap(fields: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  return map;
}

/** The entry right after `id`, so XTRIM MINID can drop everything up to and including `id`. */
function successor(id: string): string {
  const m = CURSOR.exec(id);
  return m ? `${m[1]}-${Number(m[2]) + 1}` : '0-0';
}

function older(a: string, b: string): string {
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am < bm || (am === bm && as < bs) ? a : b;
}

type StreamEntries = [string, string[]][];

/** XINFO STREAM's last-generated-id; '0-0' for a stream that does not exist. */
async function lastGeneratedId(redis: Redis, stream: string): Promise<string> {
  let info: unknown;
  try {
    info = await redis.call('XINFO', 'STREAM', stream);
  } catch (error) {
    if (/no such key/i.test((error as Error).message)) return '0-0';
    throw error;
  }
  // RESP2 answers a flat [name, value, …] list, RESP3 a map.
  let value: unknown;
  if (Array.isArray(info)) value = info[info.indexOf('last-generated-id') + 1];
  else if (info instanceof Map) value = info.get('last-generated-id');
  else if (info && typeof info === 'object') value = (info as Record<string, unknown>)['last-generated-id'];
  return typeof value === 'string' && CURSOR.test(value) ? value : '0-0';
}

/** XREAD of one stream: RESP2 answers `[[key, entries]]`, RESP3 (ioredis 6's default) a flat `[key, entries]`. */
function entriesOfXRead(reply: unknown): StreamEntries {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const first: unknown = reply[0];
  const entries: unknown = typeof first === 'string' ? reply[1] : Array.isArray(first) ? first[1] : undefined;
  return Array.isArray(entries) ? (entries as StreamEntries) : [];
}

export async function openRedisStore(options: RedisStoreOptions): Promise<RelayStore> {
  const { prefix, logger } = options;
  const inboxMaxLen = options.inboxMaxLen ?? 10_000;
  const key = {
    device: (id: string) => `${prefix}device:${id}`,
    token: (hash: string) => `${prefix}token:${hash}`,
    channel: (hash: string) => `${prefix}channel:${hash}`,
    deviceItems: (id: string) => `${prefix}device-items:${id}`,
    item: (itemId: string) => `${prefix}item:${itemId}`,
    devices: `${prefix}devices`,
    seen: (eventId: string) => `${prefix}seen:${eventId}`,
    inbox: (id: string) => `${prefix}inbox:${id}`,
    feed: `${prefix}feed`,
    secrets: `${prefix}webhook-secrets`,
  };
  const connection = {
    lazyConnect: true,
    // Fail a command fast while Redis is away, so a webhook gets 503 (and Pluggy's retry) instead of hanging.
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    // Commands issued in the same tick share one socket write: syscalls, not Redis, bound the throughput.
    enableAutoPipelining: true,
  };
  const redis = new Redis(options.url, connection);
  const reader = new Redis(options.url, {
    ...connection,
    maxRetriesPerRequest: null,
    enableAutoPipelining: false,
  });
  for (const [name, client] of [
    ['main', redis],
    ['feed', reader],
  ] as const) {
    client.on('error', (error: Error) => logger.warn({ client: name, err: error.message }, 'redis error'));
  }
  try {
    await Promise.all([redis.connect(), reader.connect()]);
  } catch (error) {
    redis.disconnect();
    reader.disconnect();
    throw new AppError('unavailable', 'The relay could not connect to Redis (REDIS_URL).', { cause: error });
  }
  try {
    // Before the feed is read or anything written: keys laid out by a newer relay are refused untouched.
    await migrateRedisSchema(redis, prefix);
  } catch (error) {
    redis.disconnect();
    reader.disconnect();
    throw error;
  }

  const origin = randomUUID();
  const appendScript = new Script(APPEND_LUA);
  const ackScript = new Script(ACK_LUA);
  const listeners = new Listeners();
  let closed = false;

  // Wakes this instance's waiters for events any other instance stored.
  const readFeed = async (): Promise<void> => {
    let lastId = '$';
    while (!closed) {
      let reply: unknown;
      try {
        reply = await reader.call(
          'XREAD',
          'BLOCK',
          FEED_BLOCK_MS,
          'COUNT',
          1000,
          'STREAMS',
          key.feed,
          lastId,
        );
      } catch (error) {
        if (closed) return;
        logger.warn({ err: (error as Error).message }, 'redis feed read failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      const entries = entriesOfXRead(reply);
      const woken = new Set<string>();
      for (const [id, fields] of entries) {
        lastId = id;
        const f = fieldsToMap(fields);
        if (f.get('o') === origin) continue;
        for (const d of (f.get('d') ?? '').split(',')) if (d) woken.add(d);
      }
      if (woken.size > 0) listeners.emit([...woken]);
    }
  };
  const feedDone = readFeed();

  // The newest id the device's inbox ever had (kept by Redis through trims): a cursor past it comes from a
  // newer copy of the store (restored from a backup) or a clock ahead, and would skip new events.
  const isAhead = async (deviceId: string, cursor: string): Promise<boolean> => {
    if (cursor === '0-0') return false;
    const last = await lastGeneratedId(redis, key.inbox(deviceId));
    return older(last, cursor) === last && last !== cursor;
  };
  const ackedOf = async (deviceId: string) => (await redis.hget(key.device(deviceId), 'acked')) ?? '0-0';

  const store: RelayStore = {
    kind: 'redis',
    async createDevice(d) {
      await redis
        .multi()
        .hset(key.device(d.deviceId), {
          tokenHash: d.tokenHash,
          channelHash: d.channelHash,
          label: d.label ?? '',
          createdAt: d.createdAt,
          acked: '0-0',
        })
        .set(key.token(d.tokenHash), d.deviceId)
        .set(key.channel(d.channelHash), d.deviceId)
        .sadd(key.devices, d.deviceId)
        .exec();
    },
    deviceByToken: async (hash) => (await redis.get(key.token(hash))) ?? undefined,
    deviceByChannel: async (hash) => (await redis.get(key.channel(hash))) ?? undefined,
    async deleteDevice(deviceId) {
      const [tokenHash, channelHash] = await redis.hmget(key.device(deviceId), 'tokenHash', 'channelHash');
      const items = await redis.smembers(key.deviceItems(deviceId));
      const tx = redis.multi();
      for (const itemId of items) tx.srem(key.item(itemId), deviceId);
      if (tokenHash) tx.del(key.token(tokenHash));
      if (channelHash) tx.del(key.channel(channelHash));
      await tx
        .del(key.device(deviceId), key.deviceItems(deviceId), key.inbox(deviceId))
        .srem(key.devices, deviceId)
        .exec();
    },
    async setDeviceItems(deviceId, itemIds) {
      const previous = await redis.smembers(key.deviceItems(deviceId));
      // An item belongs to the device that registered it first: a second claim is refused.
      const owners = await Promise.all(itemIds.map((itemId) => redis.smembers(key.item(itemId))));
      const refused = itemIds.filter(
        (itemId, i) => !isConnectorRoutingKey(itemId) && owners[i]!.some((owner) => owner !== deviceId),
      );
      const claimed = itemIds.filter((itemId) => !refused.includes(itemId));
      const tx = redis.multi();
      for (const itemId of previous) tx.srem(key.item(itemId), deviceId);
      tx.del(key.deviceItems(deviceId));
      for (const itemId of claimed) tx.sadd(key.item(itemId), deviceId);
      if (claimed.length > 0) tx.sadd(key.deviceItems(deviceId), ...claimed);
      await tx.exec();
      return { refused };
    },
    async routeEvent({ clientUserId, itemId, connectorId }) {
      const none = Promise.resolve([] as string[]);
      const [exists, members, atConnector] = await Promise.all([
        clientUserId ? redis.exists(key.device(clientUserId)) : Promise.resolve(0),
        itemId ? redis.smembers(key.item(itemId)) : none,
        connectorId ? redis.smembers(key.item(connectorRoutingKey(connectorId))) : none,
      ]);
      const found = new Set([...members, ...atConnector]);
      if (clientUserId && exists === 1) found.add(clientUserId);
      return [...found];
    },
    async append(input) {
      const keys = [key.seen(input.dedupeKey), key.feed, ...input.deviceIds.map(key.inbox)];
      const args = [
        options.dedupeSeconds,
        input.event,
        input.known ? 1 : 0,
        input.eventId,
        JSON.stringify(input.payload),
        input.receivedAt,
        input.deviceIds.join(','),
        origin,
        inboxMaxLen,
        FEED_MAX_LEN,
      ];
      let stored: unknown;
      try {
        stored = await appendScript.run(redis, keys, args);
      } catch (error) {
        throw new AppError('unavailable', 'The relay could not store the webhook.', { cause: error });
      }
      if (stored === 1 && input.deviceIds.length > 0) listeners.emit(input.deviceIds);
      return stored === 1;
    },
    async read(deviceId, after, limit): Promise<ReadResult> {
      const asked = after ?? (await ackedOf(deviceId));
      const from = (await isAhead(deviceId, asked)) ? '0-0' : asked;
      const entries = await redis.xrange(key.inbox(deviceId), `(${from}`, '+', 'COUNT', limit);
      const events: StoredEvent[] = entries.map(([id, fields]) => {
        const f = fieldsToMap(fields);
        return {
          cursor: id,
          eventId: f.get('i') ?? '',
          event: f.get('e') ?? '',
          known: f.get('k') === '1',
          receivedAt: Number(f.get('t') ?? 0),
          payload: JSON.parse(f.get('p') ?? '{}') as Record<string, unknown>,
        };
      });
      return { events, from };
    },
    async ack(deviceId, upTo) {
      if (!(await isAhead(deviceId, upTo))) await ackScript.run(redis, [key.device(deviceId)], [upTo]);
    },
    isCursor: (value) => CURSOR.test(value),
    async prune(now, retention) {
      const devices = await redis.smembers(key.devices);
      const oldest = `${Math.max(0, now - retention.maxAgeMs)}-0`;
      const ackedLimit = `${Math.max(0, now - retention.ackedMs)}-0`;
      for (const deviceId of devices) {
        const acked = await ackedOf(deviceId);
        // Drop what is acknowledged and past retention, and anything past the max age.
        const ackedCut = older(successor(acked), ackedLimit);
        const cut = older(ackedCut, oldest) === ackedCut ? oldest : ackedCut;
        await redis.xtrim(key.inbox(deviceId), 'MINID', cut);
      }
    },
    onAppend: (listener) => listeners.add(listener),
    async rememberSecrets(hashes, now) {
      // HSETNX: every instance records the same first sighting, whichever started first.
      const tx = redis.multi();
      for (const hash of hashes) tx.hsetnx(key.secrets, hash, String(now));
      await tx.exec();
      const values = hashes.length > 0 ? await redis.hmget(key.secrets, ...hashes) : [];
      return new Map(hashes.map((hash, i) => [hash, Number(values[i] ?? now)]));
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      if (closed) return;
      closed = true;
      reader.disconnect();
      await feedDone;
      await redis.quit();
    },
  };
  return store;
}
