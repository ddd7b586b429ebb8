// Migration 60: what the transaction list asks on every load — live count, categories, search terms — without a scan.
import type { Migration } from './migration';

// The live count is count(*) (SQLite walks its smallest index) minus the removed rows, which the first
// partial index holds: it costs the bulk insert nothing, since new rows are never removed. The category
// index holds live rows only and is walked one seek per distinct category (listLiveCategories). The vocab
// table stores nothing: it exposes the FTS index's terms so a typed word prefix can be expanded into the
// whole terms it starts, which FTS5 streams in key order instead of merging every matching doclist.
const SQL = `
CREATE INDEX transactions_removed ON transactions(removed_at) WHERE removed_at IS NOT NULL;
CREATE INDEX transactions_live_categories ON transactions(category)
  WHERE category IS NOT NULL AND removed_at IS NULL;
CREATE VIRTUAL TABLE transactions_fts_vocab USING fts5vocab(transactions_fts, row);
`;

export const migration0060: Migration = {
  version: 60,
  name: 'list-helpers',
  up(db) {
    db.exec(SQL);
  },
};
