// Migration 101: the ingestion watermark per account, not per item (see store/account-watermarks.ts).
import type { Migration } from './migration';

// Each account starts from its item's watermark: what the item-wide one promised holds for every account.
const SQL = `
CREATE TABLE account_watermarks (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  watermark TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO account_watermarks (account_id, watermark)
  SELECT a.id, s.watermark FROM accounts a JOIN sync_state s ON s.connection_id = a.connection_id
  WHERE s.watermark IS NOT NULL;
`;

export const migration0101: Migration = {
  version: 101,
  name: 'account-watermarks',
  up(db) {
    db.exec(SQL);
  },
};
