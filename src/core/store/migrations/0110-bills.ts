// Migration 110: card bills (faturas) as Pluggy's /bills gives them, and each card's last bills read.
import type { Migration } from './migration';

// Money in centavos like every other table; charges and payments are small lists read with their bill, kept
// as JSON (already in centavos) rather than two tables no query ever filters on.
const SQL = `
CREATE TABLE bills (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  due_date TEXT NOT NULL,
  closing_date TEXT,
  total_amount INTEGER NOT NULL,
  currency_code TEXT,
  minimum_payment INTEGER,
  allows_installments INTEGER,
  finance_charges TEXT NOT NULL,
  payments TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  changed_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX bills_by_account ON bills(account_id, due_date);

CREATE TABLE bill_reads (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  read_at TEXT,
  error_code TEXT,
  error_at TEXT
) WITHOUT ROWID;
`;

export const migration0110: Migration = {
  version: 110,
  name: 'bills',
  up(db) {
    db.exec(SQL);
  },
};
