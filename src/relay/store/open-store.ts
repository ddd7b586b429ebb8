// Picks the store the configuration asks for: Redis Streams when REDIS_URL is set, else a SQLite file.
import type { RelayConfig } from '../config';
import type { Logger } from '../logger';
import { openRedisStore } from './redis-store';
import { openSqliteStore } from './sqlite-store';
import type { RelayStore } from './types';

export async function openStore(config: RelayConfig, logger: Logger): Promise<RelayStore> {
  if (config.redisUrl) {
    return openRedisStore({
      url: config.redisUrl,
      prefix: config.redisPrefix,
      dedupeSeconds: config.maxAgeDays * 86_400,
      logger,
    });
  }
  return openSqliteStore(config.dataDir);
}
