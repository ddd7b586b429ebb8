// The SQLite store's schema, as numbered steps recorded in PRAGMA user_version; add a step, never edit one.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MigrationStep } from './step';

// IF NOT EXISTS: stores created before the schema was versioned (user_version 0) already have these tables.
const DEVICES_AND_EVENTS = `
CREATE TABLE IF NOT EXISTS devices (
  device_id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  channel_hash TEXT NOT NULL UNIQUE,
  label TEXT,
  created_at INTEGER NOT NULL,
  acked_up_to INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS device_items (
  item_id TEXT NOT NULL,
  device_id TEXT NOT NULL REFERENCES devices (device_id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, device_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS device_items_by_device ON device_items (device_id);
CREATE TABLE IF NOT EXISTS events (
  event_id TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  known INTEGER NOT NULL,
  payload TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_age ON events (received_at);
-- AUTOINCREMENT: a cursor is never reused, even after the newest rows are pruned.
CREATE TABLE IF NOT EXISTS deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  device_id TEXT NOT NULL,
  event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
  received_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_by_device ON deliveries (device_id, seq);
CREATE INDEX IF NOT EXISTS deliveries_by_event ON deliveries (event_id);
`;

// When the relay first saw each configured webhook secret, by its hash (never the secret): rotation age.
const WEBHOOK_SECRETS = `
CREATE TABLE webhook_secrets (
  secret_hash TEXT PRIMARY KEY,
  first_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
`;

export const SQLITE_STEPS: readonly MigrationStep<Database>[] = [
  { version: 1, name: 'devices-and-events', up: (db) => void db.exec(DEVICES_AND_EVENTS) },
  { version: 2, name: 'webhook-secret-ages', up: (db) => void db.exec(WEBHOOK_SECRETS) },
];
