// Where generated transaction i of an account sits: its id (which leads back to i) and its day.
import type { AccountRecord } from './account-record';
import { rngFor } from './prng';

export const DAY = 86_400_000;
const YEAR_DAYS = 365;
/** Card purchases in the last days before the anchor sit on the open bill: PENDING. */
export const PENDING_DAYS = 8;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0').slice(-width);
}

/** Generated ids embed the account prefix and the index, so an id leads back to its transaction. */
export function generatedId(account: AccountRecord, index: number): string {
  const r = rngFor(account.seedKey, 'id', index);
  const w = () => Math.floor(r() * 0x10000);
  return `${account.idPrefix}-${hex(w(), 4)}-4${hex(w(), 3)}-${(8 + (w() % 4)).toString(16)}${hex(w(), 3)}-${hex(index, 12)}`;
}

/** The index of a generated id of this account, or undefined when it is not one. */
export function indexOfGeneratedId(account: AccountRecord, id: string): number | undefined {
  if (!id.startsWith(`${account.idPrefix}-`) || id.length !== 36) return undefined;
  const index = Number.parseInt(id.slice(24), 16);
  if (!Number.isInteger(index) || index < 0 || index >= account.baseCount) return undefined;
  return generatedId(account, index) === id ? index : undefined;
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
