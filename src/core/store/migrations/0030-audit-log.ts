// Migration 30: the append-only, hash-chained audit log and the guard that lets only retention delete.
import type { Migration } from './migration';

// UPDATE is refused always. DELETE is refused unless audit_retention_guard holds a row: the retention
// function (src/core/audit/retention.ts) inserts one, deletes, removes it and appends a signed
// "truncated" marker, all in one transaction, so the guard is never visible outside it. Anyone holding
// the key could also drop the triggers; the hash chain (verifyAuditChain) is what reveals such edits.
const SQL = `
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL CHECK (actor IN ('user', 'sync', 'webhook', 'system')),
  action TEXT NOT NULL,
  connection_id TEXT,
  outcome TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_by_connection ON audit_log(connection_id, id);
CREATE INDEX audit_log_by_action ON audit_log(action, id);
CREATE INDEX audit_log_by_at ON audit_log(at);

CREATE TABLE audit_retention_guard (token TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM audit_retention_guard)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
`;

export const migration0030: Migration = {
  version: 30,
  name: 'audit-log',
  up(db) {
    db.exec(SQL);
  },
};
