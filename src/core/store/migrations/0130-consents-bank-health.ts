// Migration 130: Open Finance consents per connection, and each bank connector's health apart from the links.
import type { Migration } from './migration';

// Statuses stored before this table (app_state `connector.status.<id>`) become its first rows; their time of
// arrival is both since when and when last heard, the best Cofre knows.
const SQL = `
CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  products TEXT NOT NULL,
  permissions TEXT NOT NULL,
  created_at TEXT,
  expires_at TEXT,
  revoked_at TEXT,
  read_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX consents_by_connection ON consents(connection_id);
CREATE TABLE connector_health (
  connector_id INTEGER PRIMARY KEY,
  status TEXT NOT NULL,
  since TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  source TEXT NOT NULL,
  connection_rate REAL,
  connections_6h INTEGER
);
INSERT OR REPLACE INTO connector_health (connector_id, status, since, checked_at, source)
  SELECT json_extract(value, '$.connectorId'), json_extract(value, '$.status'), json_extract(value, '$.at'),
         json_extract(value, '$.at'), 'webhook'
  FROM app_state
  WHERE key LIKE 'connector.status.%' AND json_valid(value)
    AND json_type(value, '$.connectorId') = 'integer' AND json_type(value, '$.status') = 'text'
    AND json_type(value, '$.at') = 'text';
DELETE FROM app_state WHERE key LIKE 'connector.status.%';
`;

export const migration0130: Migration = {
  version: 130,
  name: 'consents-bank-health',
  up(db) {
    db.exec(SQL);
  },
};
