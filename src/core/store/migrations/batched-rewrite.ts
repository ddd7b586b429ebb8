// Rewrites every row of a table in key-ordered batches, reporting progress: the tool for row-rewriting migrations.
import type { Db } from '../db';
import type { MigrationContext } from './migration';

export interface BatchedRewrite<Row> {
  /** One number: how many rows `read` will visit in all (the progress denominator). */
  countSql: string;
  /** The next rows after a key, in key order: two parameters, the last key read and the batch size. */
  readSql: string;
  /** The key of a row, as `readSql` orders by it. */
  key(row: Row): number;
  /** Writes one row's new form (a prepared statement's run, typically). */
  rewrite(row: Row): void;
  batchSize?: number;
}

const DEFAULT_BATCH = 2_000;

/**
 * Reads and rewrites in batches because better-sqlite3 cannot write while a SELECT is being iterated on
 * the same connection; every batch runs inside the migration's one transaction. Returns the rows visited.
 */
export function rewriteInBatches<Row>(db: Db, ctx: MigrationContext, spec: BatchedRewrite<Row>): number {
  const batch = spec.batchSize ?? DEFAULT_BATCH;
  const total = Number(db.prepare(spec.countSql).pluck().get());
  const read = db.prepare(spec.readSql);
  let after = -Infinity;
  let done = 0;
  ctx.progress(0, total);
  for (;;) {
    const rows = read.all(after, batch) as Row[];
    for (const row of rows) spec.rewrite(row);
    done += rows.length;
    ctx.progress(Math.min(done, total), total);
    if (rows.length < batch) return done;
    after = spec.key(rows[rows.length - 1]!);
  }
}
