// Parcelas ahead: what installment purchases already commit for each coming fatura, per card and in total,
// and per purchase ("parcela 3 de 10, faltam R$ 700"). Parcelas the bank already lists (PENDING ones ahead
// included) count once, as listed; only those it does not list yet are projected.
import { addMonths } from './fatura-state';

export interface ParcelaRow {
  accountId: string;
  description: string;
  /** Centavos of this parcela (positive: a purchase). */
  cents: number;
  installmentNumber: number;
  totalInstallments: number;
  /** Centavos of the whole purchase, when the bank gives it. */
  totalAmountCents: number | null;
  purchaseDate: string | null;
  /** `YYYY-MM` of the fatura (by due date) this parcela falls in. */
  month: string;
}

export interface MonthAmount {
  month: string;
  cents: number;
}

export interface PurchaseAhead {
  accountId: string;
  description: string;
  purchaseDate: string | null;
  totalInstallments: number;
  totalAmountCents: number | null;
  /** The parcela in the open fatura (or the last one charged); 0 when none has been charged yet. */
  current: number;
  /** Parcelas after the open fatura, and their centavos. */
  remaining: number;
  remainingCents: number;
  /** `YYYY-MM` of the last parcela's fatura. */
  lastMonth: string;
}

export interface ParcelasAhead {
  total: MonthAmount[];
  byCard: { accountId: string; months: MonthAmount[] }[];
  purchases: PurchaseAhead[];
}

/** The description without its "PARC 03/10" (or "3/10") marker: the same for every parcela of a purchase. */
export function purchaseName(description: string): string {
  return description.replace(/\s*(PARC(ELA)?\.?\s*)?\d{1,2}\s*(\/|DE)\s*\d{1,2}\s*$/i, '').trim();
}

function purchaseKey(r: ParcelaRow): string {
  return [
    r.accountId,
    r.purchaseDate?.slice(0, 10) ?? '',
    r.totalInstallments,
    r.totalAmountCents ?? '',
    purchaseName(r.description).toUpperCase(),
  ].join('|');
}

/** The amount of a parcela not listed yet: as a later listed one, or the total less the first, split evenly. */
function projectedCents(known: Map<number, ParcelaRow>, total: number | null, n: number): number {
  const later = [...known.values()].filter((r) => r.installmentNumber >= 2);
  if (later.length > 0) return later[later.length - 1]!.cents;
  const first = known.get(1);
  if (first && total !== null && n > 1) return Math.floor((total - first.cents) / (n - 1));
  return [...known.values()][0]?.cents ?? 0;
}

const sortMonths = (m: Map<string, number>): MonthAmount[] =>
  [...m].sort(([a], [b]) => a.localeCompare(b)).map(([month, cents]) => ({ month, cents }));

/**
 * `rows`: every stored parcela (totalInstallments > 1) of the cards; `openMonth`: per card, the `YYYY-MM` of
 * its open fatura. A parcela counts ahead when its fatura comes after the open one.
 */
export function parcelasAhead(
  rows: readonly ParcelaRow[],
  openMonth: ReadonlyMap<string, string>,
): ParcelasAhead {
  const groups = new Map<string, Map<number, ParcelaRow>>();
  for (const r of rows) {
    if (r.totalInstallments <= 1 || r.installmentNumber < 1 || r.installmentNumber > r.totalInstallments)
      continue;
    const key = purchaseKey(r);
    const group = groups.get(key) ?? new Map<number, ParcelaRow>();
    // A parcela listed twice (re-sent under a new id) counts once.
    if (!group.has(r.installmentNumber)) group.set(r.installmentNumber, r);
    groups.set(key, group);
  }
  const total = new Map<string, number>();
  const perCard = new Map<string, Map<string, number>>();
  const purchases: PurchaseAhead[] = [];
  for (const group of groups.values()) {
    const known = new Map([...group].sort(([a], [b]) => a - b));
    const sample = [...known.values()][0]!;
    const open = openMonth.get(sample.accountId);
    if (open === undefined) continue;
    const n = sample.totalInstallments;
    const last = [...known.values()][known.size - 1]!;
    const each = projectedCents(known, sample.totalAmountCents, n);
    let current = 0;
    let remaining = 0;
    let remainingCents = 0;
    let lastMonth = last.month;
    for (let i = 1; i <= n; i++) {
      const listed = known.get(i);
      if (!listed && i < last.installmentNumber) continue;
      const month = listed?.month ?? addMonths(last.month, i - last.installmentNumber);
      const cents = listed?.cents ?? each;
      lastMonth = month;
      if (month <= open) {
        current = i;
        continue;
      }
      remaining += 1;
      remainingCents += cents;
      total.set(month, (total.get(month) ?? 0) + cents);
      const card = perCard.get(sample.accountId) ?? new Map<string, number>();
      card.set(month, (card.get(month) ?? 0) + cents);
      perCard.set(sample.accountId, card);
    }
    if (remaining === 0) continue;
    purchases.push({
      accountId: sample.accountId,
      description: purchaseName(sample.description),
      purchaseDate: sample.purchaseDate,
      totalInstallments: n,
      totalAmountCents: sample.totalAmountCents,
      current,
      remaining,
      remainingCents,
      lastMonth,
    });
  }
  purchases.sort(
    (a, b) => a.lastMonth.localeCompare(b.lastMonth) || a.description.localeCompare(b.description),
  );
  return {
    total: sortMonths(total),
    byCard: [...perCard].map(([accountId, months]) => ({ accountId, months: sortMonths(months) })),
    purchases,
  };
}
