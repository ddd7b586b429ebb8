// A fatura's state from its dates and payments: open, awaiting payment, paid, partly paid or unpaid (overdue).
export type FaturaState = 'open' | 'awaiting' | 'paid' | 'partial' | 'unpaid';

export interface FaturaFigures {
  /** Centavos owed (positive) as the bank totals it. */
  totalCents: number;
  /** Centavos paid towards it. */
  paidCents: number;
  /** False while the bill has not closed. */
  closed: boolean;
  dueDate: string;
}

export function faturaState(f: FaturaFigures, nowMs: number): FaturaState {
  if (!f.closed) return 'open';
  if (f.totalCents <= 0 || f.paidCents >= f.totalCents) return 'paid';
  if (f.paidCents > 0) return 'partial';
  return Date.parse(f.dueDate) > nowMs ? 'awaiting' : 'unpaid';
}

/** `YYYY-MM` of a timestamp (UTC, as Pluggy's dates are). */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** `YYYY-MM` plus `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole days from `nowMs` to the day of `iso` (0 today, negative when past). */
export function daysUntil(iso: string, nowMs: number): number {
  const day = Date.parse(`${iso.slice(0, 10)}T00:00:00.000Z`);
  const today = Date.parse(`${new Date(nowMs).toISOString().slice(0, 10)}T00:00:00.000Z`);
  return Math.round((day - today) / 86_400_000);
}
