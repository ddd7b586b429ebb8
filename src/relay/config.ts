// The relay's configuration: read from the environment (RELAY_*, REDIS_URL), validated once at start.
import { z } from 'zod';
import { AppError } from '../shared/errors';

/** Shortest secret or admin token accepted: a guessable one would make the authentication moot. */
export const MIN_SECRET_LENGTH = 16;

const secret = z.string().min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`);

const positiveInt = z.coerce.number().int().positive();

export const RelayConfig = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
  /** Accepted webhook secrets; two during a rotation. Empty = only channel URLs are accepted. */
  secrets: z.array(secret).max(4).default([]),
  secretHeader: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name')
    .transform((h) => h.toLowerCase())
    .default('x-cofre-secret'),
  /** Bearer token for POST /v1/devices; without it no device can be registered. */
  adminToken: secret.optional(),
  dataDir: z.string().min(1).default('./relay-data'),
  redisUrl: z.string().url().optional(),
  /** Key prefix in Redis, so several relays (or tests) can share one database. */
  redisPrefix: z.string().min(1).default('cofre:relay:'),
  /**
   * Base URL the world reaches this relay at (for `channelUrl`). Without it, channel URLs are minted only for
   * a loopback Host (local use): a Host header is the client's to choose, not a fact about the relay.
   */
  publicUrl: z
    .string()
    .url()
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** Fastify `trustProxy`: `true`, a hop count, or comma-separated addresses/CIDRs of the proxy. */
  trustProxy: z.union([z.boolean(), z.number().int().nonnegative(), z.array(z.string())]).default(false),
  /** Hours an acknowledged event stays readable after it was received. */
  retentionHours: positiveInt.default(24),
  /** Days an unacknowledged event is kept (and an eventId remembered for dedupe). */
  maxAgeDays: positiveInt.default(7),
  /** Requests per minute per client IP, on every route. */
  rateLimitIp: positiveInt.default(600),
  /** Webhook deliveries per minute per source IP (Pluggy sends every user's webhooks from few IPs). */
  rateLimitHooks: positiveInt.default(6000),
  /** Requests per minute per device. */
  rateLimitDevice: positiveInt.default(120),
  heartbeatMs: positiveInt.default(15_000),
  /** Open SSE streams one device may hold at once (an app needs one; a few allow for reconnect overlap). */
  maxStreamsPerDevice: positiveInt.default(4),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type RelayConfig = z.infer<typeof RelayConfig>;
export type RelayConfigInput = z.input<typeof RelayConfig>;

/** Environment variable → config key. The CLI flags mirror these names (`--secrets`, `--redis-url`, …). */
export const ENV_KEYS = {
  RELAY_PORT: 'port',
  RELAY_HOST: 'host',
  RELAY_SECRETS: 'secrets',
  RELAY_SECRET_HEADER: 'secretHeader',
  RELAY_ADMIN_TOKEN: 'adminToken',
  RELAY_DATA_DIR: 'dataDir',
  REDIS_URL: 'redisUrl',
  RELAY_REDIS_PREFIX: 'redisPrefix',
  RELAY_PUBLIC_URL: 'publicUrl',
  RELAY_TRUST_PROXY: 'trustProxy',
  RELAY_RETENTION_HOURS: 'retentionHours',
  RELAY_MAX_AGE_DAYS: 'maxAgeDays',
  RELAY_RATE_LIMIT_IP: 'rateLimitIp',
  RELAY_RATE_LIMIT_HOOKS: 'rateLimitHooks',
  RELAY_RATE_LIMIT_DEVICE: 'rateLimitDevice',
  RELAY_HEARTBEAT_MS: 'heartbeatMs',
  RELAY_MAX_STREAMS_PER_DEVICE: 'maxStreamsPerDevice',
  RELAY_LOG_LEVEL: 'logLevel',
} as const satisfies Record<string, keyof RelayConfig>;

export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseTrustProxy(value: string): boolean | number | string[] {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false' || v === '') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return parseList(value);
}

/** Raw values from the environment, unset and empty variables left out (so defaults apply). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RelayConfigInput {
  const raw: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value === undefined || value.trim() === '') continue;
    if (key === 'secrets') raw[key] = parseList(value);
    else if (key === 'trustProxy') raw[key] = parseTrustProxy(value);
    else raw[key] = value.trim();
  }
  return raw as RelayConfigInput;
}

/** Validates a config; the error names the variable, never its value (it may be a secret). */
export function parseRelayConfig(input: RelayConfigInput): RelayConfig {
  const result = RelayConfig.safeParse(input);
  if (result.success) return result.data;
  const envName = (key: PropertyKey | undefined) =>
    Object.entries(ENV_KEYS).find(([, k]) => k === key)?.[0] ?? String(key);
  const problems = result.error.issues.map((i) => `${envName(i.path[0])}: ${i.message}`);
  throw new AppError('invalid_input', `Invalid relay configuration — ${problems.join('; ')}`, {
    details: { variables: result.error.issues.map((i) => envName(i.path[0])) },
  });
}

export function loadRelayConfig(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  return parseRelayConfig(configFromEnv(env));
}
