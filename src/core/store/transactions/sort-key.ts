// The list order of transactions as one integer: the date's second × 2^20 + arrival order within that second.
//
// It is the table's INTEGER PRIMARY KEY, so the table itself is stored newest-last in date order: a page is
// a short range scan, a date filter is a key range, the FTS index (keyed by it) can be walked in date
// order and stop after one page, and VACUUM never renumbers it. 2^20 rows per second is far beyond any
// account; seconds up to year 2100 × 2^20 stay below 2^53, so JavaScript numbers hold it exactly.
import { AppError } from '../../../shared/errors';

export const SLOTS_PER_SECOND = 2 ** 20;

/** The smallest key of a moment (ISO timestamp or `YYYY-MM-DD`). */
export function sortKeyFloor(isoOrDay: string): number {
  const iso = isoOrDay.length === 10 ? `${isoOrDay}T00:00:00.000Z` : isoOrDay;
  return Math.floor(Date.parse(iso) / 1000) * SLOTS_PER_SECOND;
}

/** Hands out unused keys within one write transaction, asking the DB once per second value. */
export class SortKeyAllocator {
  readonly #next = new Map<number, number>();
  readonly #maxInRange: (from: number, to: number) => number | null;

  constructor(maxInRange: (from: number, to: number) => number | null) {
    this.#maxInRange = maxInRange;
  }

  allocate(isoDate: string): number {
    const base = sortKeyFloor(isoDate);
    let next = this.#next.get(base);
    if (next === undefined) {
      const max = this.#maxInRange(base, base + SLOTS_PER_SECOND);
      next = max === null ? base : max + 1;
    }
    if (next >= base + SLOTS_PER_SECOND) {
      throw new AppError('conflict', `More than ${SLOTS_PER_SECOND} transactions dated ${isoDate}.`);
    }
    this.#next.set(base, next + 1);
    return next;
  }
}
