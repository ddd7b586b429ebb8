// `cofre relay`: runs the webhook relay in the foreground; each flag overrides its environment variable.
import type { Command } from 'commander';
import {
  configFromEnv,
  parseList,
  parseRelayConfig,
  parseTrustProxy,
  type RelayConfig,
  type RelayConfigInput,
} from '../../relay/config';
import { registerRelayMigrate } from './relay-migrate';

/** Flag → [environment variable, config key]; the flags take the same values as the variables. */
const FLAGS = [
  ['--port <n>', 'RELAY_PORT', 'port', 'port to listen on (default 8787; 0 = any free port)'],
  ['--host <address>', 'RELAY_HOST', 'host', 'address to listen on (default 127.0.0.1)'],
  [
    '--secrets <list>',
    'RELAY_SECRETS',
    'secrets',
    'accepted webhook secrets, comma-separated (prefer the env var)',
  ],
  [
    '--secret-header <name>',
    'RELAY_SECRET_HEADER',
    'secretHeader',
    'header carrying the secret (default x-cofre-secret)',
  ],
  [
    '--admin-token <token>',
    'RELAY_ADMIN_TOKEN',
    'adminToken',
    'token for POST /v1/devices (prefer the env var)',
  ],
  ['--data-dir <dir>', 'RELAY_DATA_DIR', 'dataDir', 'folder of the SQLite store (default ./relay-data)'],
  [
    '--redis-url <url>',
    'REDIS_URL',
    'redisUrl',
    'use Redis Streams (redis:// or rediss://) instead of SQLite',
  ],
  [
    '--redis-prefix <prefix>',
    'RELAY_REDIS_PREFIX',
    'redisPrefix',
    'key prefix in Redis (default cofre:relay:)',
  ],
  [
    '--public-url <url>',
    'RELAY_PUBLIC_URL',
    'publicUrl',
    'public base URL, for the channel URLs handed to devices',
  ],
  [
    '--trust-proxy <value>',
    'RELAY_TRUST_PROXY',
    'trustProxy',
    'true, a hop count, or proxy addresses (behind TLS proxy)',
  ],
  [
    '--retention-hours <n>',
    'RELAY_RETENTION_HOURS',
    'retentionHours',
    'hours acknowledged events are kept (default 24)',
  ],
  ['--max-age-days <n>', 'RELAY_MAX_AGE_DAYS', 'maxAgeDays', 'days any event is kept (default 7)'],
  ['--rate-limit-ip <n>', 'RELAY_RATE_LIMIT_IP', 'rateLimitIp', 'requests per minute per IP (default 600)'],
  [
    '--rate-limit-hooks <n>',
    'RELAY_RATE_LIMIT_HOOKS',
    'rateLimitHooks',
    'webhooks per minute per source IP (default 6000)',
  ],
  [
    '--rate-limit-device <n>',
    'RELAY_RATE_LIMIT_DEVICE',
    'rateLimitDevice',
    'requests per minute per device (default 120)',
  ],
  ['--heartbeat-ms <n>', 'RELAY_HEARTBEAT_MS', 'heartbeatMs', 'SSE heartbeat interval (default 15000)'],
  [
    '--log-level <level>',
    'RELAY_LOG_LEVEL',
    'logLevel',
    'fatal|error|warn|info|debug|trace|silent (default info)',
  ],
] as const;

type FlagValues = Partial<Record<(typeof FLAGS)[number][2], string>>;

/** The environment's configuration with the given flags laid over it, validated. */
export function relayConfigFromOptions(flags: FlagValues, env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const input: Record<string, unknown> = { ...configFromEnv(env) };
  for (const [, , key] of FLAGS) {
    const value = flags[key];
    if (value === undefined) continue;
    if (key === 'secrets') input[key] = parseList(value);
    else if (key === 'trustProxy') input[key] = parseTrustProxy(value);
    else input[key] = value;
  }
  return parseRelayConfig(input as RelayConfigInput);
}

export function registerRelayCommand(program: Command): void {
  const command = program
    .command('relay')
    .description(
      'run the webhook relay: receives Pluggy webhooks and notifies the devices (see src/relay/DEPLOY.md)',
    );
  for (const [flag, envName, , help] of FLAGS) command.option(flag, `${help} [env ${envName}]`);
  command.action(async (flags: FlagValues) => {
    // Loaded here, not at the top: the relay's server and stores (ioredis) would slow every other command's start.
    const { runRelayUntilStopped } = await import('../../relay/run');
    await runRelayUntilStopped(relayConfigFromOptions(flags));
  });
  registerRelayMigrate(command, (flags) => relayConfigFromOptions(flags));
}
