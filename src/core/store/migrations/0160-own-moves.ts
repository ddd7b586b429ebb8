// Migration 160: money moved between the person's own pockets (transfers, card-bill payments) and accounts
// reachable through two links, so spending and totals count each real movement and account once.
import type { Migration } from './migration';

// A transfer gets one row per side, each naming the other; a bill payment names its fatura. Rows are found
// after each sync; the person's "not a match" is kept apart, so a re-run never finds the same wrong pair again.
// Detection reads the rows each finished sync run created (their run in own_move_scans once read): the index
// on created_run_id is partial, so rows from before migration 140 (no run) cost it nothing.
const SQL = `
CREATE TABLE own_moves (
  transaction_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  other_transaction_id TEXT,
  bill_id TEXT,
  found_at TEXT NOT NULL,
  run_id INTEGER
) WITHOUT ROWID;
CREATE INDEX own_moves_by_other ON own_moves(other_transaction_id) WHERE other_transaction_id IS NOT NULL;

CREATE TABLE own_move_rejections (
  transaction_id TEXT NOT NULL,
  other_id TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (transaction_id, other_id)
) WITHOUT ROWID;

CREATE TABLE own_move_scans (run_id INTEGER PRIMARY KEY, at TEXT NOT NULL);
CREATE INDEX transactions_by_created_run ON transactions(created_run_id) WHERE created_run_id IS NOT NULL;

CREATE TABLE account_duplicates (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  group_key TEXT NOT NULL,
  kept_account_id TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE account_duplicate_choices (
  group_key TEXT PRIMARY KEY,
  -- NULL: the person said these are different accounts, each counted.
  kept_account_id TEXT,
  at TEXT NOT NULL
) WITHOUT ROWID;
`;

export const migration0160: Migration = {
  version: 160,
  name: 'own-moves',
  up(db) {
    db.exec(SQL);
  },
};
