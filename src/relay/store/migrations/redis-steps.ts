// The Redis store's key layout, as numbered steps recorded in `<prefix>schema`; add a step, never edit one.
import type { Redis } from 'ioredis';
import type { MigrationStep } from './step';

export interface RedisTarget {
  redis: Redis;
  prefix: string;
}

// Redis creates keys when first written, so these steps transform nothing yet: they record which layout
// the keys follow, so a relay refuses keys a newer one laid out differently, and a later step has a base.
export const REDIS_STEPS: readonly MigrationStep<RedisTarget>[] = [
  // device:<id> hashes, token:/channel: lookups, item:<id> sets, inbox:<id> and feed streams, seen: markers.
  { version: 1, name: 'streams-layout', up: () => undefined },
  // webhook-secrets: a hash of secret hash → first-seen epoch ms (HSETNX).
  { version: 2, name: 'webhook-secret-ages', up: () => undefined },
];
