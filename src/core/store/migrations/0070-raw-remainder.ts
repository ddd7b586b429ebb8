// Migration 70: each transaction's `raw` keeps only what no column holds (transactions/raw-remainder.ts).
import type { Transaction } from '../../../shared/pluggy';
import { rawRemainder } from '../transactions/raw-remainder';
import type { Migration } from './migration';

// better-sqlite3 cannot write while a SELECT is being iterated on the same connection: read in batches.
const BATCH = 2_000;

export const migration0070: Migration = {
  version: 70,
  name: 'raw-remainder',
  up(db) {
    const read = db
      .prepare(
        `SELECT sort_key, date, pluggy_created_at, raw FROM transactions WHERE sort_key > ?
         ORDER BY sort_key LIMIT ${BATCH}`,
      )
      .raw(true);
    // `raw` is in no index and no trigger's column list, so this rewrites the rows and nothing else.
    const write = db.prepare('UPDATE transactions SET raw = ? WHERE sort_key = ?');
    let after = -Infinity;
    for (;;) {
      const rows = read.all(after) as [number, string, string | null, string][];
      for (const [sortKey, date, createdAt, raw] of rows) {
        write.run(rawRemainder(JSON.parse(raw) as Transaction, date, createdAt), sortKey);
      }
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1]![0];
    }
  },
};
