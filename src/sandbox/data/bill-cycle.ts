// A card's billing cycle: its closing day, which bill a date falls in, and each bill's id, closing and due dates.
import type { Transaction } from '../../shared/pluggy';
import { iso } from '../clock';
import type { AccountRecord } from './account-record';
import { intBetween, rngFor, uuidFrom } from './prng';

/** Days from closing to due, as most Brazilian cards give (7 to 10: the due day is a fixed day of the month). */
export const DUE_AFTER_CLOSING_DAYS = 7;

/** Bills are numbered by month: year × 12 + month (0-based) of their closing date. */
export type BillMonth = number;

export function closingDay(account: AccountRecord): number {
  return intBetween(rngFor(account.seedKey, 'closing-day'), 1, 28);
}

export function closingMs(account: AccountRecord, month: BillMonth): number {
  return Date.UTC(Math.floor(month / 12), month % 12, closingDay(account));
}

/**
 * A card's due day is fixed (a week after its closing day, in the next month when that passes the 28th), as a
 * real card's: a due date that drifted with the month's length would put two bills in one month and none in
 * another, and `billForecastDate` (the due month) would no longer name one bill.
 */
export function dueMs(account: AccountRecord, month: BillMonth): number {
  const day = closingDay(account) + DUE_AFTER_CLOSING_DAYS;
  const year = Math.floor(month / 12);
  return day <= 28 ? Date.UTC(year, month % 12, day) : Date.UTC(year, (month % 12) + 1, day - 28);
}

/** The bill a purchase dated `ms` belongs to: one made on the closing day goes to the next bill. */
export function billMonthOf(account: AccountRecord, ms: number): BillMonth {
  const d = new Date(ms);
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
  return d.getUTCDate() >= closingDay(account) ? month + 1 : month;
}

/** `YYYY-MM` of the bill's due date: Pluggy's `billForecastDate`. */
export function forecastOf(account: AccountRecord, month: BillMonth): string {
  return iso(dueMs(account, month)).slice(0, 7);
}

export function billIdOf(account: AccountRecord, month: BillMonth): string {
  return uuidFrom(account.seedKey, 'bill', month);
}

/** The bill still open at `nowMs` (the bank's last update). */
export function openBillMonth(account: AccountRecord, nowMs: number): BillMonth {
  return billMonthOf(account, nowMs);
}

/**
 * A card transaction as the bank shows it at its last update: `billForecastDate` always, `billId` once its
 * bill has closed.
 */
export function withBillLink(account: AccountRecord, tx: Transaction): Transaction {
  if (account.kind !== 'card') return tx;
  const month = billMonthOf(account, Date.parse(tx.date));
  const closed = month < openBillMonth(account, account.updatedAtMs);
  const { billId: _old, ...meta } = tx.creditCardMetadata ?? {};
  return {
    ...tx,
    creditCardMetadata: {
      ...meta,
      billForecastDate: forecastOf(account, month),
      ...(closed ? { billId: billIdOf(account, month) } : {}),
    },
  };
}
