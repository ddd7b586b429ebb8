// Migration 150: the balance Pluggy gave for each account at the end of each successful sync, beside the sum
// of the transactions Cofre had stored then (what the ledger check compares).
import type { Migration } from './migration';

const SQL = `
CREATE TABLE balance_snapshots (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  run_id INTEGER,
  at TEXT NOT NULL,
  -- Cofre's sign convention (a card's debt is negative), integer centavos.
  balance INTEGER NOT NULL,
  -- The signed sum of the live transactions dated up to \`at\`, as stored when the snapshot was taken.
  stored_sum INTEGER NOT NULL,
  stored_count INTEGER NOT NULL
);
CREATE INDEX balance_snapshots_by_account ON balance_snapshots(account_id, id);
`;

export const migration0150: Migration = {
  version: 150,
  name: 'balance-snapshots',
  up(db) {
    db.exec(SQL);
  },
};
