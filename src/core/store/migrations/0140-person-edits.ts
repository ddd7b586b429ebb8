// Migration 140: the person's layer over the bank's rows — edits, rules, and a history for every row.
import type { Migration } from './migration';

// Edits live apart from the bank's fields, keyed by the Pluggy id they apply to now: a re-sync rewrites
// `transactions` and never this table, and a row Pluggy re-creates under a new id takes its edits along.
// A row's creation is kept on the row itself (created_run_id: one integer per insert costs the bulk sync
// nothing it notices); every later change is one row of transaction_history, written with the change.
const SQL = `
ALTER TABLE transactions ADD COLUMN created_run_id INTEGER;

CREATE TABLE transaction_edits (
  transaction_id TEXT PRIMARY KEY,
  category TEXT,
  category_rule_id INTEGER,
  note TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  ignored INTEGER NOT NULL DEFAULT 0,
  ignored_rule_id INTEGER,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE transaction_history (
  id INTEGER PRIMARY KEY,
  transaction_id TEXT NOT NULL,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  run_id INTEGER,
  rule_id INTEGER,
  details TEXT
);
CREATE INDEX transaction_history_by_row ON transaction_history(transaction_id, id);

CREATE TABLE rules (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  match_field TEXT NOT NULL,
  match_text TEXT NOT NULL,
  account_id TEXT,
  amount_min INTEGER,
  amount_max INTEGER,
  type TEXT,
  set_category TEXT,
  add_tag TEXT,
  set_ignored INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;

export const migration0140: Migration = {
  version: 140,
  name: 'person-edits',
  up(db) {
    db.exec(SQL);
  },
};
