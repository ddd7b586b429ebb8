// Public surface of the relay, for the CLI and tests.
export * from './config';
export { startRelay, type RelayOptions, type RunningRelay } from './server';
export { runRelayUntilStopped } from './run';
export { createRelayLogger, type Logger } from './logger';
export * from '../shared/relay/wire';
export type { RelayStore } from './store/types';
export { openSqliteStore } from './store/sqlite-store';
export { openRedisStore } from './store/redis-store';
export {
  relayStoreStatus,
  migrateRelayStore,
  type SchemaStatus,
  type MigrationReport,
  type StepInfo,
} from './store/store-schema';
