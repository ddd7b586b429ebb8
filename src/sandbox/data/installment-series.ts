// A card's purchases in parcelas: each parcela dated a month after the last, so they fall in successive bills;
// parcelas of the next two months are sent ahead as PENDING, later ones only appear as time passes.
import type { Transaction } from '../../shared/pluggy';
import { iso } from '../clock';
import type { AccountRecord } from './account-record';
import { billMonthOf, forecastOf, openBillMonth } from './bill-cycle';
import { MERCHANTS, merchantField } from './brazil';
import { intBetween, pick, rngFor, uuidFrom } from './prng';

const DAY = 86_400_000;
/** Future parcelas the bank already lists: those dated within this window after its last update. */
export const AHEAD_VISIBLE_MS = 62 * DAY;

/** Days before the account's anchor each purchase was made, and its number of parcelas. */
const PLAN: readonly { ago: [number, number]; parcelas: number }[] = [
  { ago: [20, 60], parcelas: 10 },
  { ago: [100, 200], parcelas: 12 },
  { ago: [5, 25], parcelas: 3 },
  { ago: [150, 250], parcelas: 6 },
];

export interface InstallmentPurchase {
  index: number;
  merchant: (typeof MERCHANTS)[number];
  parcelas: number;
  totalCents: number;
  purchaseMs: number;
}

export function purchasesOf(account: AccountRecord): InstallmentPurchase[] {
  if (account.kind !== 'card') return [];
  return PLAN.map((plan, index) => {
    const rng = rngFor(account.seedKey, 'installment-purchase', index);
    const day = new Date(account.anchorMs - intBetween(rng, ...plan.ago) * DAY);
    const purchaseMs = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), Math.min(day.getUTCDate(), 28), 3);
    return {
      index,
      merchant: pick(rng, MERCHANTS),
      parcelas: plan.parcelas,
      totalCents: intBetween(rng, 600, 7_000) * 100 + intBetween(rng, 0, 99),
      purchaseMs,
    };
  });
}

/** Parcela n's date: the purchase's day of month, n − 1 months later. */
export function parcelaMs(p: InstallmentPurchase, n: number): number {
  const d = new Date(p.purchaseMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n - 1, d.getUTCDate(), 3);
}

/** Equal parcelas; the centavos that do not divide go on the first, as Brazilian issuers do. */
export function parcelaCents(p: InstallmentPurchase, n: number): number {
  const each = Math.floor(p.totalCents / p.parcelas);
  return n === 1 ? p.totalCents - each * (p.parcelas - 1) : each;
}

export function parcelaId(account: AccountRecord, p: InstallmentPurchase, n: number): string {
  return uuidFrom(account.seedKey, 'parcela', p.index, n);
}

export function parcelaTransaction(
  account: AccountRecord,
  p: InstallmentPurchase,
  n: number,
  nowMs: number,
  createdAtMs: number,
): Transaction {
  const dateMs = parcelaMs(p, n);
  const mer = p.merchant;
  return {
    id: parcelaId(account, p, n),
    accountId: account.id,
    date: iso(dateMs),
    description: `${mer.name.toUpperCase()} PARC ${String(n).padStart(2, '0')}/${String(p.parcelas).padStart(2, '0')}`,
    descriptionRaw: `${mer.name.toUpperCase()} PARC ${n}/${p.parcelas}`,
    type: 'DEBIT',
    amount: parcelaCents(p, n) / 100,
    currencyCode: 'BRL',
    category: mer.category,
    categoryId: mer.categoryId,
    status: dateMs > nowMs ? 'PENDING' : 'POSTED',
    merchant: merchantField(mer),
    creditCardMetadata: {
      installmentNumber: n,
      totalInstallments: p.parcelas,
      totalAmount: p.totalCents / 100,
      purchaseDate: iso(p.purchaseMs),
      payeeMCC: String(mer.mcc),
      cardNumber: account.number.slice(-4),
    },
    createdAt: iso(createdAtMs),
    updatedAt: iso(createdAtMs),
  };
}

/** The parcelas the bank lists at `nowMs`: every one dated up to the visibility window. */
export function visibleParcelas(
  account: AccountRecord,
  nowMs: number,
): { purchase: InstallmentPurchase; n: number }[] {
  const out: { purchase: InstallmentPurchase; n: number }[] = [];
  for (const purchase of purchasesOf(account))
    for (let n = 1; n <= purchase.parcelas; n++)
      if (parcelaMs(purchase, n) <= nowMs + AHEAD_VISIBLE_MS) out.push({ purchase, n });
  return out;
}

/** Ground truth of parcelas ahead: per bill after the open one (`YYYY-MM` of its due date), centavos committed. */
export function installmentsAhead(account: AccountRecord, nowMs: number): Map<string, number> {
  const open = openBillMonth(account, nowMs);
  const out = new Map<string, number>();
  for (const purchase of purchasesOf(account))
    for (let n = 1; n <= purchase.parcelas; n++) {
      const month = billMonthOf(account, parcelaMs(purchase, n));
      if (month <= open) continue;
      const key = forecastOf(account, month);
      out.set(key, (out.get(key) ?? 0) + parcelaCents(purchase, n));
    }
  return out;
}
