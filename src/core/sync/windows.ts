// Which transactions a sync reads: everything on the first run, then new ingestions plus a re-read window.
const DAY_MS = 86_400_000;

export const FIRST_SYNC_DAYS = 365;
/** Pluggy itself re-reads 7 days on Open Finance connectors; so do we, at least. */
export const LOOKBACK_DAYS = 7;

export function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface ReadPlan {
  /** First sync: every transaction from this day. */
  full: { dateFrom: string } | null;
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
    return { full: { dateFrom: dayString(nowMs - FIRST_SYNC_DAYS * DAY_MS) }, created: null, window: null };
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
