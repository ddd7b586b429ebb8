// Runs a relay until SIGINT/SIGTERM, for `node dist/relay/main.js` and `cofre relay`.
import type { RelayConfig } from './config';
import { startRelay, type RunningRelay } from './server';

export async function runRelayUntilStopped(config: RelayConfig): Promise<RunningRelay> {
  const relay = await startRelay({ config, processMetrics: true });
  // The one line scripts and tests wait for; the URL carries no secret.
  console.log(`relay listening on ${relay.url} (store: ${relay.store.kind})`);
  const stop = (signal: string) => {
    console.log(`relay stopping (${signal})`);
    relay.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`relay: stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return relay;
}
