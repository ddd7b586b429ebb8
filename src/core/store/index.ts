// The encrypted local store: open/migrate/rekey, diagnostics, and one repository per table family.
export type { Db } from './db';
export { openDatabase, inspectDatabase, type OpenDatabaseOptions, type DatabaseInspection } from './open';
export type { StoreProgress, StoreProgressListener } from './store-progress';
export type { CipherScheme } from './cipher-scheme';
export { generateDbKey, keyToHex, isHexKey, type DbKeyInput } from './db-key';
export {
  migrate,
  readUserVersion,
  LATEST_VERSION,
  MIGRATIONS,
  type Migration,
  type MigrateResult,
} from './migrate';
export { rotateKey } from './rotate-key';
export { checkpointWal } from './wal-checkpoint';
export { dbStats, vacuumDatabase, type DbStats } from './stats';
export { encodeCursor, decodeCursor } from './keyset-cursor';
export * from './transactions';
export * from './connections';
export * from './accounts';
export * from './sync-runs';
export * from './sync-leases';
export * from './retry-queue';
export * from './notices';
export * from './cache';
export * from './webhook-events';
export * from './sync-state';
export * from './account-watermarks';
export * from './app-state';
export * from './connector-status';
export * from './investments';
export * from './loans';
export * from './product-reads';
export * from './consents';
export * from './edits';
export * from './bills';
export * from './transfers';
