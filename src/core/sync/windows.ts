// Which transactions a sync reads: everything on the first run, then new ingestions plus a re-read window.
const DAY_MS = 86_400_000;

export const FIRST_SYNC_DAYS = 365;
/** Pluggy itself re-reads 7 days on Open Finance connectors; so do we, at least. */
export const LOOKBACK_DAYS = 7;

export function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A posted-date range as Pluggy filters it: both ends inclusive, `dateTo` absent for "until the end". */
export interface DateRange {
  dateFrom: string;
  dateTo?: string;
}

/** A first sync reads its year as this many date ranges at once, each paged on its own. */
export const FULL_READ_RANGES = 4;
/** Ranges shorter than this are not worth a request chain of their own. */
const MIN_RANGE_DAYS = 14;

export interface ReadPlan {
  /** First sync: every transaction from `dateFrom`, read as `ranges` at the same time. */
  full: { dateFrom: string; ranges: DateRange[] } | null;
  /** New ingestions since the watermark (Pluggy's createdAt); back-dated rows included. */
  created: { createdAtFrom: string } | null;
  /** Re-read by date, for pending→posted and deletions; rows stored in it but not returned were removed. */
  window: { dateFrom: string } | null;
}

/**
 * `oldestPendingDay` widens the window to the oldest transaction still pending here: a card purchase
 * stays pending for its whole bill cycle, and it must be seen again when it posts or is re-created.
 */
export function planReads(
  nowMs: number,
  watermark: string | null,
  oldestPendingDay: string | null,
): ReadPlan {
  if (watermark === null) {
    const dateFrom = dayString(nowMs - FIRST_SYNC_DAYS * DAY_MS);
    return { full: { dateFrom, ranges: splitDateRange(dateFrom, nowMs) }, created: null, window: null };
  }
  const lookback = dayString(nowMs - LOOKBACK_DAYS * DAY_MS);
  // A day before the oldest pending row: the window's first day only counts for reading, not for
  // deciding what was deleted (see readAccount), and that row must be inside the deciding part.
  const beforePending =
    oldestPendingDay === null ? null : dayString(Date.parse(`${oldestPendingDay}T00:00:00.000Z`) - DAY_MS);
  const from = beforePending !== null && beforePending < lookback ? beforePending : lookback;
  return {
    full: null,
    // Inclusive: the rows at the watermark itself are read again (harmlessly, as unchanged).
    created: { createdAtFrom: watermark },
    window: { dateFrom: from },
  };
}

/**
 * Splits "from `dateFrom` on" into ranges read at the same time: Pluggy pages one range by cursor, so a
 * long account's year otherwise arrives one round trip after another. Both ends are inclusive days, so a
 * range ends the day before its neighbour begins: whichever day (UTC or São Paulo) Pluggy files a
 * late-evening row under, it files it under one day, so the row is in exactly one range and no page is
 * read twice. The last range has no end: card installments can be dated after today.
 */
export function splitDateRange(dateFrom: string, nowMs: number, parts = FULL_READ_RANGES): DateRange[] {
  const fromMs = Date.parse(`${dateFrom}T00:00:00.000Z`);
  const days = Math.floor((nowMs - fromMs) / DAY_MS);
  const count = Math.max(1, Math.min(parts, Math.floor(days / MIN_RANGE_DAYS)));
  const bounds = Array.from({ length: count + 1 }, (_, i) =>
    dayString(fromMs + Math.round((i * days) / count) * DAY_MS),
  );
  return bounds
    .slice(0, count)
    .map((from, i) =>
      i === count - 1
        ? { dateFrom: from }
        : { dateFrom: from, dateTo: dayString(Date.parse(`${bounds[i + 1]!}T00:00:00.000Z`) - DAY_MS) },
    );
}
