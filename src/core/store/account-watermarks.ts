// Per-account ingestion watermarks: Pluggy `createdAt` of the newest transaction a complete run read there.
//
// Per account, because accounts are read one after another: a row Pluggy ingests on an account already
// read, while a later one is still being read, is older than that later account's newest row. An item-wide
// watermark would start the next read of the first account past it, and a row dated before the re-read
// window would never be read.
import type { Db } from './db';
import { prepared } from './prepared';

export function getAccountWatermark(db: Db, accountId: string): string | null {
  const row = prepared(db, 'SELECT watermark FROM account_watermarks WHERE account_id = ?').get(accountId) as
    { watermark: string } | undefined;
  return row?.watermark ?? null;
}

/** Moves an account's watermark forward (never back). */
export function advanceAccountWatermark(db: Db, accountId: string, watermark: string): void {
  prepared(
    db,
    `INSERT INTO account_watermarks (account_id, watermark) VALUES (?, ?)
     ON CONFLICT (account_id) DO UPDATE SET watermark = excluded.watermark
     WHERE excluded.watermark > account_watermarks.watermark`,
  ).run(accountId, watermark);
}
