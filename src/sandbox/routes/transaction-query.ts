// Parsing of transaction query parameters shared by /v2/transactions and the legacy /transactions.
import { z } from 'zod';
import type { TransactionFilter } from '../data/ledger';
import { ApiError } from '../http/api-error';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

/** Start of a `YYYY-MM-DD` day (UTC) or the instant of an ISO timestamp. */
export function parseDateParam(
  name: string,
  value: string | undefined,
): { ms: number; dateOnly: boolean } | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  if (!Number.isFinite(ms))
    throw new ApiError(400, `${name} must be a date (YYYY-MM-DD) or an ISO-8601 timestamp`, undefined, {
      details: [{ code: 'invalid_date', parameter: name, message: 'invalid date' }],
    });
  return { ms, dateOnly: DATE_ONLY.test(value) };
}

/** Inclusive `to`: a whole day when date-only, else up to and including that instant. */
export function filterFrom(
  from: string | undefined,
  to: string | undefined,
  createdAtFrom: string | undefined,
  fromName: string,
  toName: string,
): TransactionFilter {
  const f = parseDateParam(fromName, from);
  const t = parseDateParam(toName, to);
  const c = parseDateParam('createdAtFrom', createdAtFrom);
  return {
    ...(f ? { dateFromMs: f.ms } : {}),
    ...(t ? { dateToMs: t.dateOnly ? t.ms + DAY : t.ms + 1 } : {}),
    ...(c ? { createdAtFromMs: c.ms } : {}),
  };
}

export const idList = z
  .string()
  .transform((s) => s.split(',').filter((x) => x !== ''))
  .pipe(z.array(z.string()).max(500, 'ids accepts at most 500 ids'));

export function encodeCursor(date: string, id: string): string {
  return Buffer.from(`${date}|${id}`).toString('base64');
}

export function decodeCursor(cursor: string): { date: string; id: string } {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const bar = text.lastIndexOf('|');
  if (bar < 1) throw new ApiError(400, 'Invalid cursor in "after"');
  return { date: text.slice(0, bar), id: text.slice(bar + 1) };
}
