// Migration 20: full-text search over transaction descriptions, merchants and counterparties.
import type { Migration } from './migration';

// External-content FTS5 table (no second copy of the text), keyed by sort_key so a search can walk
// matches in date order and stop after one page. Diacritics are folded so "acucar" finds "Açúcar".
// Searches are AND-ed word prefixes, so the index keeps only which rows hold a word (detail=none, no
// column sizes, no prefix index), the smallest and cheapest form. The final 'rebuild' indexes rows that
// existed before this migration.
//
// Deletes and text/key updates are followed by triggers. Inserts are not: an FTS5 write inside a trigger
// flushes its pending index on every row (the trigger's savepoint), which cost ~11 µs a row in bulk, so
// upsertTransactions (the only writer of new rows) adds them itself in the same transaction, in key order.
const SQL = `
CREATE VIRTUAL TABLE transactions_fts USING fts5(
  description, merchant_name, counterparty_name,
  content='transactions', content_rowid='sort_key',
  tokenize='unicode61 remove_diacritics 2',
  detail=none, columnsize=0
);

CREATE TRIGGER transactions_fts_after_delete AFTER DELETE ON transactions BEGIN
  INSERT INTO transactions_fts(transactions_fts, rowid, description, merchant_name, counterparty_name)
  VALUES ('delete', old.sort_key, old.description, old.merchant_name, old.counterparty_name);
END;

CREATE TRIGGER transactions_fts_after_update
AFTER UPDATE OF sort_key, description, merchant_name, counterparty_name ON transactions
WHEN old.sort_key IS NOT new.sort_key
  OR old.description IS NOT new.description
  OR old.merchant_name IS NOT new.merchant_name
  OR old.counterparty_name IS NOT new.counterparty_name
BEGIN
  INSERT INTO transactions_fts(transactions_fts, rowid, description, merchant_name, counterparty_name)
  VALUES ('delete', old.sort_key, old.description, old.merchant_name, old.counterparty_name);
  INSERT INTO transactions_fts(rowid, description, merchant_name, counterparty_name)
  VALUES (new.sort_key, new.description, new.merchant_name, new.counterparty_name);
END;

INSERT INTO transactions_fts(transactions_fts) VALUES ('rebuild');
`;

export const migration0020: Migration = {
  version: 20,
  name: 'transactions-fts',
  up(db) {
    db.exec(SQL);
  },
};
