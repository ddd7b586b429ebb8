// Migration 10: the data tables (connections, accounts, transactions) and the sync machinery's tables.
import type { Migration } from './migration';

// Timestamps are ISO-8601 UTC text (sortable), except cache expiry in epoch ms. Every Pluggy object keeps
// its raw JSON next to the indexed columns, so a field we do not read today is not lost.
const SQL = `
CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  connector_id INTEGER NOT NULL,
  connector_name TEXT NOT NULL,
  connector_image_url TEXT,
  connector_primary_color TEXT,
  is_open_finance INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  execution_status TEXT NOT NULL,
  error_code TEXT,
  error_message TEXT,
  consent_expires_at TEXT,
  last_updated_at TEXT,
  next_auto_sync_at TEXT,
  client_user_id TEXT,
  pluggy_created_at TEXT NOT NULL,
  pluggy_updated_at TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  archived_at TEXT,
  raw_hash TEXT NOT NULL,
  raw TEXT NOT NULL
);

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  subtype TEXT,
  number TEXT,
  name TEXT NOT NULL,
  marketing_name TEXT,
  owner TEXT,
  tax_number TEXT,
  balance REAL NOT NULL,
  currency_code TEXT NOT NULL,
  credit_limit REAL,
  available_credit_limit REAL,
  balance_close_date TEXT,
  balance_due_date TEXT,
  pluggy_created_at TEXT,
  pluggy_updated_at TEXT,
  first_seen_at TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  removed_at TEXT,
  raw_hash TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX accounts_by_connection ON accounts(connection_id);

CREATE TABLE transactions (
  -- The list order (see transactions/sort-key.ts); Pluggy's id is the identity.
  sort_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  amount REAL NOT NULL,
  currency_code TEXT,
  type TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'POSTED',
  description TEXT NOT NULL,
  category TEXT,
  merchant_name TEXT,
  counterparty_name TEXT,
  pluggy_created_at TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  removed_at TEXT,
  raw TEXT NOT NULL,
  -- Read from the raw JSON when selected, never stored twice: each stored column costs every bulk insert.
  amount_in_account_currency REAL GENERATED ALWAYS AS (json_extract(raw, '$.amountInAccountCurrency')) VIRTUAL,
  balance REAL GENERATED ALWAYS AS (json_extract(raw, '$.balance')) VIRTUAL,
  description_raw TEXT GENERATED ALWAYS AS (json_extract(raw, '$.descriptionRaw')) VIRTUAL,
  category_id TEXT GENERATED ALWAYS AS (json_extract(raw, '$.categoryId')) VIRTUAL,
  operation_type TEXT GENERATED ALWAYS AS (json_extract(raw, '$.operationType')) VIRTUAL,
  provider_code TEXT GENERATED ALWAYS AS (json_extract(raw, '$.providerCode')) VIRTUAL,
  provider_id TEXT GENERATED ALWAYS AS (json_extract(raw, '$.providerId')) VIRTUAL,
  merchant_cnpj TEXT GENERATED ALWAYS AS (json_extract(raw, '$.merchant.cnpj')) VIRTUAL,
  merchant_category TEXT GENERATED ALWAYS AS (json_extract(raw, '$.merchant.category')) VIRTUAL,
  payment_method TEXT GENERATED ALWAYS AS (json_extract(raw, '$.paymentData.paymentMethod')) VIRTUAL,
  card_number TEXT GENERATED ALWAYS AS (json_extract(raw, '$.creditCardMetadata.cardNumber')) VIRTUAL,
  card_installment_number INTEGER
    GENERATED ALWAYS AS (json_extract(raw, '$.creditCardMetadata.installmentNumber')) VIRTUAL,
  card_total_installments INTEGER
    GENERATED ALWAYS AS (json_extract(raw, '$.creditCardMetadata.totalInstallments')) VIRTUAL,
  card_bill_id TEXT GENERATED ALWAYS AS (json_extract(raw, '$.creditCardMetadata.billId')) VIRTUAL,
  pluggy_updated_at TEXT GENERATED ALWAYS AS (json_extract(raw, '$.updatedAt')) VIRTUAL
);
-- One account's timeline: an index on account_id is ordered (account_id, sort_key), which is all a page needs.
CREATE INDEX transactions_by_account ON transactions(account_id);

CREATE TABLE webhook_events (
  event_id TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  item_id TEXT,
  received_at TEXT NOT NULL,
  processed_at TEXT,
  outcome TEXT,
  payload TEXT NOT NULL
);
CREATE INDEX webhook_events_by_received ON webhook_events(received_at);
CREATE INDEX webhook_events_by_item ON webhook_events(item_id, received_at);

CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  outcome TEXT NOT NULL DEFAULT 'running',
  counts TEXT,
  error_code TEXT,
  error_message TEXT
);
CREATE INDEX sync_runs_by_connection ON sync_runs(connection_id, id);
CREATE INDEX sync_runs_running ON sync_runs(outcome) WHERE outcome = 'running';

CREATE TABLE retry_queue (
  id INTEGER PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  due_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  last_error_code TEXT,
  payload TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (connection_id, kind)
);
CREATE INDEX retry_queue_by_due ON retry_queue(due_at);

CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  level TEXT NOT NULL,
  kind TEXT NOT NULL,
  connection_id TEXT REFERENCES connections(id) ON DELETE CASCADE,
  message_key TEXT NOT NULL,
  params TEXT,
  dedupe_key TEXT,
  dismissed_at TEXT
);
CREATE UNIQUE INDEX notices_active_dedupe ON notices(dedupe_key)
  WHERE dismissed_at IS NULL AND dedupe_key IS NOT NULL;
CREATE INDEX notices_by_state ON notices(dismissed_at, id);
CREATE INDEX notices_by_connection ON notices(connection_id);

CREATE TABLE cache (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  stored_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX cache_by_expiry ON cache(expires_at);

CREATE TABLE store_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(SQL);
  },
};
