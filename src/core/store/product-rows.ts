// Shared by the product tables (investments, their movements, loans): upsert by raw hash, mark the vanished.
import { AppError } from '../../shared/errors';
import { toCentavos } from '../../shared/money';
import type { Db } from './db';
import { prepared } from './prepared';
import { rawJson, type RawJson } from './raw-json';
import type { UpsertCounts } from './transactions/upsert';

export type ProductTable = 'investments' | 'investment_transactions' | 'loans';

/** Centavos of an optional Pluggy amount; absent or not finite is null (unknown, never zero). */
export function optionalCentavos(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? toCentavos(v) : null;
}

export function optionalNumber(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** What an upsert did; a row whose fields could not be stored (a date that is no date) is refused, not fatal. */
export interface ProductUpsert extends UpsertCounts {
  /** Which row and which of its fields; the value itself is never repeated (it may be personal data). */
  refused: { id: string; path: string }[];
}

/**
 * Upserts rows with `sql` (an INSERT … ON CONFLICT DO UPDATE … WHERE raw_hash differs or removed), counting
 * inserted, updated and unchanged rows. Runs inside the caller's transaction when there is one.
 */
export function upsertProductRows<T extends { id: string }>(
  db: Db,
  table: ProductTable,
  sql: string,
  rows: readonly T[],
  params: (row: T, raw: RawJson) => Record<string, unknown>,
): ProductUpsert {
  const exists = prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`);
  const upsert = prepared(db, sql);
  const counts: ProductUpsert = { inserted: 0, updated: 0, unchanged: 0, refused: [] };
  db.transaction(() => {
    for (const row of rows) {
      let values: Record<string, unknown>;
      try {
        values = params(row, rawJson(row));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'invalid_input') throw error;
        const field = (error.details as { field?: unknown } | undefined)?.field;
        counts.refused.push({ id: row.id, path: typeof field === 'string' ? field : '(row)' });
        continue;
      }
      const existed = exists.get(row.id) !== undefined;
      const changes = upsert.run(values).changes;
      if (!existed) counts.inserted++;
      else if (changes > 0) counts.updated++;
      else counts.unchanged++;
    }
  })();
  return counts;
}

/** Marks the rows of one owner (`ownerColumn` = `ownerId`) that are not in `presentIds` as removed. */
export function markMissingRemoved(
  db: Db,
  table: ProductTable,
  ownerColumn: 'connection_id' | 'investment_id',
  ownerId: string,
  presentIds: readonly string[],
  at: string,
): number {
  return prepared(
    db,
    `UPDATE ${table} SET removed_at = ? WHERE ${ownerColumn} = ? AND removed_at IS NULL
     AND id NOT IN (SELECT value FROM json_each(?))`,
  ).run(at, ownerId, JSON.stringify(presentIds)).changes;
}
