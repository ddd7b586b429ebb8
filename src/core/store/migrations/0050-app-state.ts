// Migration 50: a small key/value table for app state that must survive restarts (e.g. the relay cursor).
import type { Migration } from './migration';

export const migration0050: Migration = {
  version: 50,
  name: 'app-state',
  up(db) {
    db.exec(
      `CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;`,
    );
  },
};
