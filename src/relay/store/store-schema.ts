// `cofre relay migrate`: the relay store's schema status and migration, for whichever store the config names.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Redis } from 'ioredis';
import { AppError } from '../../shared/errors';
import type { RelayConfig } from '../config';
import { migrateRedisSchema, redisSchemaStatus } from './migrations/redis-schema';
import { migrateSqliteSchema, refuseSqliteFromFuture, sqliteSchemaStatus } from './migrations/sqlite-schema';
import type { MigrationProgress, MigrationReport, SchemaStatus } from './migrations/step';
import { SQLITE_FILE_NAME } from './sqlite-store';

export type { MigrationProgress, MigrationReport, SchemaStatus, StepInfo } from './migrations/step';

type StoreConfig = Pick<RelayConfig, 'dataDir' | 'redisUrl' | 'redisPrefix'>;

async function withRedis<T>(url: string, work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5_000 });
  // Connection errors surface through connect() below; the client's own error events need a listener.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new AppError('unavailable', 'The relay could not connect to Redis (REDIS_URL).', { cause: error });
  }
  try {
    return await work(redis);
  } finally {
    await redis.quit();
  }
}

/** Version, applied and pending steps; reads only. */
export async function relayStoreStatus(config: StoreConfig): Promise<SchemaStatus> {
  if (config.redisUrl) return withRedis(config.redisUrl, (r) => redisSchemaStatus(r, config.redisPrefix));
  return sqliteSchemaStatus(join(config.dataDir, SQLITE_FILE_NAME));
}

/** Applies the pending steps (creating a SQLite store that does not exist yet); refuses one from the future. */
export async function migrateRelayStore(
  config: StoreConfig,
  onProgress?: MigrationProgress,
): Promise<MigrationReport> {
  if (config.redisUrl) {
    return withRedis(config.redisUrl, (r) => migrateRedisSchema(r, config.redisPrefix, onProgress));
  }
  const file = join(config.dataDir, SQLITE_FILE_NAME);
  refuseSqliteFromFuture(file);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    return migrateSqliteSchema(db, onProgress);
  } finally {
    db.close();
  }
}
