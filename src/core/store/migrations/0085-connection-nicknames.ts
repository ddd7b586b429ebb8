// Migration 85: the person's own name for a bank link ("Conta da Maria"), kept across Pluggy's updates.
import type { Migration } from './migration';

export const migration0085: Migration = {
  version: 85,
  name: 'connection-nicknames',
  up(db) {
    db.exec('ALTER TABLE connections ADD COLUMN nickname TEXT');
  },
};
