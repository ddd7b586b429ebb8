// Migration 70: each transaction's `raw` keeps only what no column holds (transactions/raw-remainder.ts).
import type { Transaction } from '../../../shared/pluggy';
import { rawRemainder } from '../transactions/raw-remainder';
import { rewriteInBatches } from './batched-rewrite';
import type { Migration } from './migration';

interface Row {
  sort_key: number;
  date: string;
  pluggy_created_at: string | null;
  raw: string;
}

export const migration0070: Migration = {
  version: 70,
  name: 'raw-remainder',
  up(db, ctx) {
    // `raw` is in no index and no trigger's column list, so this rewrites the rows and nothing else.
    const write = db.prepare('UPDATE transactions SET raw = ? WHERE sort_key = ?');
    rewriteInBatches<Row>(db, ctx, {
      countSql: 'SELECT count(*) FROM transactions',
      readSql: `SELECT sort_key, date, pluggy_created_at, raw FROM transactions WHERE sort_key > ?
                ORDER BY sort_key LIMIT ?`,
      key: (row) => row.sort_key,
      rewrite: (row) => {
        const raw = rawRemainder(JSON.parse(row.raw) as Transaction, row.date, row.pluggy_created_at, true);
        write.run(raw, row.sort_key);
      },
    });
  },
};
