// The relay as deployed (config from RELAY_* env, SQLite store), with a clock that can be moved forward
// (RELAY_CLOCK_OFFSET_MS) so a test can restart it "an hour later". Prints the line tests wait for.
import { loadRelayConfig, startRelay } from '../../../src/relay';

const offset = Number(process.env['RELAY_CLOCK_OFFSET_MS'] ?? '0');
const relay = await startRelay({ config: loadRelayConfig(process.env), now: () => Date.now() + offset });
console.log(`relay listening on ${relay.url} (store: ${relay.store.kind})`);
process.once('SIGTERM', () => void relay.close().then(() => process.exit(0)));
