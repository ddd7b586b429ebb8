// One /v2/transactions body as table rows: JSON, Pluggy's schema, then the column mapping, on any thread.
import { z } from 'zod';
import { isAppError } from '../../../shared/errors';
import {
  Transaction,
  deriveTransactionType,
  rowId,
  skippedRow,
  unknownTransactionValues,
  type SkippedRow,
  type UnknownValue,
} from '../../../shared/pluggy';
import { decodeJson, type Decoded } from '../../pluggy/decode-body';
import { toRowValues, type RowValues } from '../../store/transactions/row-mapping';

export type { SkippedRow };

/** A page of transactions ready for `upsertTransactionRows`, and Pluggy's link to the next page. */
export interface RowPage {
  rows: RowValues[];
  next: string | null;
  /** Rows off the schema: left out, the rest of the page kept. */
  skipped: SkippedRow[];
  /** Enumeration values Cofre does not know yet (once each per page). */
  unknown: UnknownValue[];
}

/** The page's envelope only: each row is read on its own, so one bad row never fails the others. */
const Envelope = z.object({ results: z.array(z.unknown()), next: z.string().nullish() });

type RowReading = { ok: true; row: RowValues; tx: Transaction } | { ok: false; skipped: SkippedRow };

function readRow(raw: unknown, index: number, accountType: string | null): RowReading {
  const parsed = Transaction.safeParse(raw);
  if (!parsed.success) return { ok: false, skipped: skippedRow(raw, index, parsed.error) };
  const tx = parsed.data;
  // The spec does not require `type`: its direction then comes from the sign and the account.
  if (tx.type === undefined || tx.type === null || tx.type === '') {
    tx.type = deriveTransactionType(tx.amount, accountType);
  }
  try {
    return { ok: true, row: toRowValues(tx), tx };
  } catch (err) {
    if (!isAppError(err)) throw err;
    const field = typeof err.details?.['field'] === 'string' ? err.details['field'] : '(row)';
    return { ok: false, skipped: { id: rowId(raw), index, path: field, reason: 'not a valid value' } };
  }
}

/**
 * A body that is not JSON, or not a page, is a bad payload; a row that fails Pluggy's schema or the table's
 * needs is left out and reported in `skipped`, and the rest of the page is kept.
 * `accountType` (BANK, CREDIT) gives rows without `type` their direction.
 */
export function decodeRowPage(body: Uint8Array, accountType: string | null = null): Decoded<RowPage> {
  const page = decodeJson(body, Envelope);
  if (!page.ok) return page;
  const { results } = page.value;
  const rows: RowValues[] = [];
  const skipped: SkippedRow[] = [];
  const unknown = new Map<string, UnknownValue>();
  for (let i = 0; i < results.length; i++) {
    const reading = readRow(results[i], i, accountType);
    if (!reading.ok) {
      skipped.push(reading.skipped);
      continue;
    }
    rows.push(reading.row);
    for (const u of unknownTransactionValues(reading.tx)) unknown.set(`${u.field}\u0000${u.value}`, u);
  }
  return {
    ok: true,
    value: { rows, next: page.value.next ?? null, skipped, unknown: [...unknown.values()] },
  };
}
