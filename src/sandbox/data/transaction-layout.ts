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

/** Pluggy dates a card row at 03:00Z, midnight in Brasília, so a card's day is Brasília's day. */
const CARD_HOUR_MS = 3 * 3_600_000;

/**
 * Where the row of an account's day dated at or before `ms` goes: 00:00Z for accounts, 03:00Z of Brasília's day
 * for cards. Between 00:00Z and 03:00Z Brasília is still on the previous day; dating the row 03:00Z of the UTC
 * day put it in the future, where a balance that already counts it cannot be matched by the rows up to now.
 */
export function dayStartMs(kind: AccountRecord['kind'], ms: number): number {
  const offset = kind === 'card' ? CARD_HOUR_MS : 0;
  return Math.floor((ms - offset) / DAY) * DAY + offset;
}

function startDayMs(account: AccountRecord): number {
  return Math.floor(account.anchorMs / DAY) * DAY - YEAR_DAYS * DAY;
}

/** Day of generated transaction i: non-decreasing in i, so index order is date order. */
export function generatedDateMs(account: AccountRecord, index: number): number {
  const n = Math.max(account.baseCount, 1);
  const r = rngFor(account.seedKey, 'day', index)();
  const day = Math.min(YEAR_DAYS, Math.floor(((index + r) * (YEAR_DAYS + 1)) / n));
  const hourOffset = account.kind === 'card' ? CARD_HOUR_MS : 0;
  // The year starts on the UTC day a client's one-year window starts on; the last day is never after now.
  return Math.min(startDayMs(account) + day * DAY + hourOffset, dayStartMs(account.kind, account.anchorMs));
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
