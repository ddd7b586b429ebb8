// Migration 40: per-connection sync state — the ingestion watermark and the health the UI shows.
import type { Migration } from './migration';

// The watermark is Pluggy's own ingestion time (`createdAt` of transactions), never our clock, and it
// advances only when every account of a run finished, so a run that fails half-way re-reads everything
// it had not finished next time.
const SQL = `
CREATE TABLE sync_state (
  connection_id TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
  watermark TEXT,
  last_success_at TEXT,
  last_new_data_at TEXT,
  last_attempt_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_error_code TEXT,
  refresh_blocked_until TEXT
) WITHOUT ROWID;
`;

export const migration0040: Migration = {
  version: 40,
  name: 'sync-state',
  up(db) {
    db.exec(SQL);
  },
};
