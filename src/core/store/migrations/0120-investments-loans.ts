// Migration 120: investments (+ their movements), loans, and what each sync last read of each such product.
import type { Migration } from './migration';

// Money columns are centavos (INTEGER). A quota's unit price can carry more than two decimals, so it stays in
// `raw` only; quantities and rates are not money and are REAL.
const SQL = `
CREATE TABLE investments (
  id TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  type TEXT,
  subtype TEXT,
  name TEXT NOT NULL,
  code TEXT,
  number TEXT,
  status TEXT,
  currency_code TEXT NOT NULL,
  balance INTEGER NOT NULL,
  amount INTEGER,
  amount_original INTEGER,
  amount_profit INTEGER,
  amount_withdrawal INTEGER,
  taxes INTEGER,
  quantity REAL,
  rate REAL,
  rate_type TEXT,
  fixed_annual_rate REAL,
  annual_rate REAL,
  last_twelve_months_rate REAL,
  issuer TEXT,
  due_date TEXT,
  purchase_date TEXT,
  balance_date TEXT,
  first_seen_at TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  removed_at TEXT,
  raw_hash TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX investments_by_connection ON investments (connection_id, type, name);

CREATE TABLE investment_transactions (
  id TEXT PRIMARY KEY,
  investment_id TEXT NOT NULL REFERENCES investments(id) ON DELETE CASCADE,
  type TEXT,
  movement_type TEXT,
  description TEXT,
  date TEXT,
  trade_date TEXT,
  amount INTEGER,
  net_amount INTEGER,
  quantity REAL,
  first_seen_at TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  removed_at TEXT,
  raw_hash TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX investment_transactions_by_investment ON investment_transactions (investment_id, date);

CREATE TABLE loans (
  id TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  kind TEXT,
  type TEXT,
  product_name TEXT NOT NULL,
  contract_number TEXT,
  currency_code TEXT NOT NULL,
  contract_amount INTEGER,
  outstanding_balance INTEGER,
  contract_date TEXT,
  due_date TEXT,
  installment_periodicity TEXT,
  installments_total INTEGER,
  installments_paid INTEGER,
  installments_due INTEGER,
  installments_past_due INTEGER,
  interest_rate REAL,
  interest_rate_periodicity TEXT,
  cet REAL,
  first_seen_at TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  removed_at TEXT,
  raw_hash TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX loans_by_connection ON loans (connection_id);

CREATE TABLE product_reads (
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  product TEXT NOT NULL CHECK (product IN ('investments', 'loans')),
  state TEXT NOT NULL CHECK (state IN ('read', 'not_covered', 'failed')),
  attempted_at TEXT NOT NULL,
  read_at TEXT,
  error_code TEXT,
  PRIMARY KEY (connection_id, product)
) WITHOUT ROWID;
`;

export const migration0120: Migration = {
  version: 120,
  name: 'investments-loans',
  up(db) {
    db.exec(SQL);
  },
};
