// Migration 102: sync leases, so two processes on one data dir never sync one item at once (see store/sync-leases.ts).
import type { Migration } from './migration';

// Owners heartbeat; a lease or a run is alive only while its owner's heartbeat is. Runs from before have no owner.
const SQL = `
CREATE TABLE sync_owners (
  owner TEXT PRIMARY KEY,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  heartbeat_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE sync_leases (
  item_id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  run_id INTEGER NOT NULL,
  acquired_at INTEGER NOT NULL
) WITHOUT ROWID;
ALTER TABLE sync_runs ADD COLUMN owner TEXT;
`;

export const migration0102: Migration = {
  version: 102,
  name: 'sync-leases',
  up(db) {
    db.exec(SQL);
  },
};
