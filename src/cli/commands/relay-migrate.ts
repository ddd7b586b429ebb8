// `cofre relay migrate [--status]`: the relay store's schema version before and after, step by step.
import type { Command } from 'commander';
import type { RelayConfig, SchemaStatus, StepInfo } from '../../relay';

type StoreFlags = Partial<Record<'dataDir' | 'redisUrl' | 'redisPrefix', string>>;

const step = (s: StepInfo) => `${String(s.version).padStart(4, '0')} ${s.name}`;

function storeLine(status: SchemaStatus): string {
  const where = status.exists ? status.location : `${status.location} (not created yet)`;
  return `relay store: ${status.kind}, ${where}`;
}

export function printStatus(status: SchemaStatus, out: (line: string) => void): void {
  out(storeLine(status));
  out(`schema version: ${status.version} (latest ${status.latest})`);
  if (status.version > status.latest) {
    out('this store was written by a newer relay: this version will not open it');
    return;
  }
  for (const s of status.applied) out(`  applied  ${step(s)}`);
  for (const s of status.pending) out(`  pending  ${step(s)}`);
  if (status.pending.length === 0) out('up to date');
}

export async function runRelayMigrate(
  config: Pick<RelayConfig, 'dataDir' | 'redisUrl' | 'redisPrefix'>,
  options: { status: boolean },
  out: (line: string) => void,
): Promise<void> {
  // Loaded here, not at the top: the relay's stores (ioredis) would slow every other command's start.
  const { migrateRelayStore, relayStoreStatus } = await import('../../relay/store/store-schema');
  const before = await relayStoreStatus(config);
  if (options.status) return printStatus(before, out);
  out(storeLine(before));
  out(`schema version before: ${before.version} (latest ${before.latest})`);
  const report = await migrateRelayStore(config, (s, i, total) =>
    out(`[${i + 1}/${total}] applying ${step(s)}`),
  );
  out(
    report.applied.length === 0
      ? 'nothing to apply'
      : `applied ${report.applied.length} migration${report.applied.length === 1 ? '' : 's'}`,
  );
  out(`schema version after: ${report.to}`);
}

/** Adds `migrate` under `cofre relay`; the store flags are shared with the parent (it parses them first). */
export function registerRelayMigrate(
  relay: Command,
  configFrom: (flags: StoreFlags) => Pick<RelayConfig, 'dataDir' | 'redisUrl' | 'redisPrefix'>,
): void {
  relay
    .command('migrate')
    .description("apply the relay store's pending schema migrations (SQLite, or Redis with REDIS_URL)")
    .option('--status', 'list applied and pending migrations; change nothing')
    .option('--data-dir <dir>', 'folder of the SQLite store [env RELAY_DATA_DIR]')
    .option('--redis-url <url>', 'the Redis store instead [env REDIS_URL]')
    .option('--redis-prefix <prefix>', 'key prefix in Redis [env RELAY_REDIS_PREFIX]')
    .action(async (own: StoreFlags & { status?: boolean }, command: Command) => {
      const flags = { ...(command.parent?.opts() as StoreFlags), ...own };
      await runRelayMigrate(configFrom(flags), { status: own.status ?? false }, (line) => console.log(line));
    });
}
