// What a backup says it holds: schema version, each table's row count and a digest of its rows, file digests.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../store/db';

export const TableDigest = z.object({
  name: z.string(),
  rows: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type TableDigest = z.infer<typeof TableDigest>;

export const BackupManifest = z.object({
  format: z.literal(1),
  appVersion: z.string(),
  createdAt: z.string(),
  mode: z.enum(['demo', 'live']),
  schemaVersion: z.number().int().nonnegative(),
  /** The DB image, encrypted (AEGIS) under `key`, a random key of this backup only. */
  db: z.object({
    bytes: z.number().int().positive(),
    sha256: z.string(),
    key: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  settings: z.object({ bytes: z.number().int().nonnegative(), sha256: z.string() }).nullable(),
  tables: z.array(TableDigest),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Every ordinary table (virtual tables' shadow tables included: they hold the rows), by name. */
export function tableNames(db: Db): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
}

/** Each row as its values in column order, in an order that does not depend on how the file is laid out. */
export function tableRows(db: Db, table: string): unknown[][] {
  const columns = (db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(table) as number) || 1;
  const order = Array.from({ length: columns }, (_, i) => String(i + 1)).join(', ');
  return db
    .prepare(`SELECT * FROM ${quote(table)} ORDER BY ${order}`)
    .raw()
    .all() as unknown[][];
}

/** Stable text of a value: blobs as hex, numbers and text as JSON. */
function cell(value: unknown): string {
  if (Buffer.isBuffer(value)) return `x${value.toString('hex')}`;
  if (typeof value === 'bigint') return `n${value.toString()}`;
  return JSON.stringify(value);
}

export function tableDigest(db: Db, table: string): TableDigest {
  const hash = createHash('sha256');
  let rows = 0;
  for (const row of tableRows(db, table)) {
    hash.update(row.map(cell).join('\u001f'));
    hash.update('\u001e');
    rows += 1;
  }
  return { name: table, rows, sha256: hash.digest('hex') };
}

export function tableDigests(db: Db): TableDigest[] {
  return tableNames(db).map((t) => tableDigest(db, t));
}
