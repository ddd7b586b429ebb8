// Where generated transaction i of an account sits: its id and its day (index order is date order).
import type { AccountRecord } from './account-record';
import { rngFor, uuidFrom } from './prng';

export const DAY = 86_400_000;
const YEAR_DAYS = 365;
/** Card purchases in the last days before the anchor sit on the open bill: PENDING. */
export const PENDING_DAYS = 8;

/**
 * Generated transaction i's id: a random v4 UUID as Pluggy's are, drawn from the account's seeded PRNG (same
 * seed, same ids), carrying nothing of i: Cofre must never rely on an id's order or shape.
 */
export function generatedId(account: AccountRecord, index: number): string {
  return uuidFrom(account.seedKey, 'id', index);
}

function startDayMs(account: AccountRecord): number {
  return Math.floor(account.anchorMs / DAY) * DAY - YEAR_DAYS * DAY;
}

/** Day of generated transaction i: non-decreasing in i, so index order is date order. */
export function generatedDateMs(account: AccountRecord, index: number): number {
  const n = Math.max(account.baseCount, 1);
  const r = rngFor(account.seedKey, 'day', index)();
  const day = Math.min(YEAR_DAYS, Math.floor(((index + r) * (YEAR_DAYS + 1)) / n));
  const hourOffset = account.kind === 'card' ? 3 * 3_600_000 : 0;
  return startDayMs(account) + day * DAY + hourOffset;
}

/** First generated index whose date is at or after `ms` (binary search; dates are monotonic). */
export function firstIndexAtOrAfter(account: AccountRecord, ms: number): number {
  let lo = 0;
  let hi = account.baseCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (generatedDateMs(account, mid) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
