// Entry point of the separately deployed relay: configuration from the environment (see DEPLOY.md).
import { loadRelayConfig } from './config';
import { runRelayUntilStopped } from './run';

try {
  await runRelayUntilStopped(loadRelayConfig(process.env));
} catch (error) {
  console.error(`relay: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
