// Migration 100: which sync run last saw each transaction, as a number from a counter, not a clock reading.
import type { Migration } from './migration';

// A run takes the next mark when it starts; a row it reads carries that mark. What a run did not see is
// what carries an older one, whatever the PC clock did meanwhile (a clock stepped back made every row
// look seen "later" than the run, so no deletion was detected until the old time passed). Existing rows
// start at 0: seen by no run yet, so the next run decides about them, as it did before.
const SQL = `
ALTER TABLE transactions ADD COLUMN seen_mark INTEGER NOT NULL DEFAULT 0;
CREATE TABLE sync_marks (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL);
INSERT INTO sync_marks (id, last) VALUES (1, 0);
`;

export const migration0100: Migration = {
  version: 100,
  name: 'seen-marks',
  up(db) {
    db.exec(SQL);
  },
};
