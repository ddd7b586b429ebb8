// Reads and migrates the Redis store's schema version (`<prefix>schema`); reading it writes nothing.
import type { Redis } from 'ioredis';
import { AppError } from '../../../shared/errors';
import { REDIS_STEPS } from './redis-steps';
import {
  latestVersion,
  refuseFromFuture,
  splitSteps,
  stepInfo,
  type MigrationProgress,
  type MigrationReport,
  type SchemaStatus,
} from './step';

export const REDIS_LATEST = latestVersion(REDIS_STEPS);

const RAISE_VERSION_LUA = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1]) end
return 1
`;

export const schemaKey = (prefix: string) => `${prefix}schema`;

async function readVersion(redis: Redis, prefix: string): Promise<number> {
  const raw = await redis.get(schemaKey(prefix));
  if (raw === null) return 0;
  const version = Number(raw);
  if (!Number.isInteger(version) || version < 0) {
    throw new AppError(
      'db_corrupt',
      `The relay's Redis schema version (${schemaKey(prefix)}) is not a number.`,
    );
  }
  return version;
}

export async function redisSchemaStatus(redis: Redis, prefix: string): Promise<SchemaStatus> {
  const version = await readVersion(redis, prefix);
  const { applied, pending } = splitSteps(REDIS_STEPS, version);
  return {
    kind: 'redis',
    location: `prefix ${prefix}`,
    exists: true,
    version,
    latest: REDIS_LATEST,
    applied: applied.map(stepInfo),
    pending: pending.map(stepInfo),
  };
}

/**
 * Applies the pending steps in order, recording the version after each, so several instances starting
 * together converge (every step is idempotent) and a failure leaves the version of the last step done.
 */
export async function migrateRedisSchema(
  redis: Redis,
  prefix: string,
  onProgress?: MigrationProgress,
): Promise<MigrationReport> {
  const from = await readVersion(redis, prefix);
  refuseFromFuture('redis', from, REDIS_LATEST);
  const { pending } = splitSteps(REDIS_STEPS, from);
  for (const [i, step] of pending.entries()) {
    onProgress?.(stepInfo(step), i, pending.length);
    await step.up({ redis, prefix });
    // Never backwards: a slower instance finishing an older step must not undo a newer one's record.
    await redis.eval(RAISE_VERSION_LUA, 1, schemaKey(prefix), step.version);
  }
  return { from, to: Math.max(from, ...pending.map((s) => s.version)), applied: pending.map(stepInfo) };
}
