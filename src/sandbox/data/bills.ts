// A card's closed bills, computed from its transactions: totals, finance charges and payments that vary by
// bill (paid in full, partly paid, unpaid), as the bank reports them at its last update.
import type { Bill, BillFinanceCharge, BillPayment } from '../../shared/pluggy';
import { iso } from '../clock';
import { billIdOf, billMonthOf, closingMs, dueMs, openBillMonth, type BillMonth } from './bill-cycle';
import type { AccountLedger } from './ledger';
import { intBetween, pick, rngFor, uuidFrom } from './prng';

const DAY = 86_400_000;
/**
 * Which bills are left partly paid or unpaid: fixed by month (a bill's fate never changes as time passes), one
 * of each in every six, so every card shows each state.
 */
const CYCLE = 6;
const PARTLY_PAID_AT = 2;
const UNPAID_AT = 4;

interface Period {
  purchasesCents: number;
  foreignCents: number;
}

const reais = (cents: number) => cents / 100;

function periodsOf(ledger: AccountLedger): Map<BillMonth, Period> {
  const periods = new Map<BillMonth, Period>();
  for (const tx of ledger.all()) {
    const month = billMonthOf(ledger.record, Date.parse(tx.date));
    const period = periods.get(month) ?? { purchasesCents: 0, foreignCents: 0 };
    const cents = Math.round((tx.amountInAccountCurrency ?? tx.amount) * 100);
    period.purchasesCents += cents;
    if (tx.currencyCode && tx.currencyCode !== 'BRL' && cents > 0) period.foreignCents += cents;
    periods.set(month, period);
  }
  return periods;
}

const cache = new WeakMap<AccountLedger, { key: string; bills: Bill[] }>();

/** Every closed bill of a card account, oldest first; none for other accounts. */
export function billsOf(ledger: AccountLedger): Bill[] {
  const r = ledger.record;
  if (r.kind !== 'card') return [];
  const key = `${ledger.size}|${r.removed.length}|${r.updatedAtMs}|${Object.keys(r.overrides).length}`;
  const cached = cache.get(ledger);
  if (cached?.key === key) return cached.bills;
  const periods = periodsOf(ledger);
  const open = openBillMonth(r, r.updatedAtMs);
  const months = [...periods.keys()].filter((m) => m < open).sort((a, b) => a - b);
  const bills: Bill[] = [];
  let carriedCents = 0;
  let lateOnCents = 0;
  const offset = intBetween(rngFor(r.seedKey, 'bill-fates'), 0, CYCLE - 1);
  for (const month of months) {
    const fate = (month + offset) % CYCLE;
    const id = billIdOf(r, month);
    const rng = rngFor(r.seedKey, 'bill', month);
    const charge = (type: BillFinanceCharge['type'], cents: number, n: number): BillFinanceCharge => ({
      id: uuidFrom(r.seedKey, 'bill-charge', month, n),
      creditCardBillId: id,
      type,
      amount: reais(cents),
      currencyCode: 'BRL',
    });
    const charges: BillFinanceCharge[] = [];
    if (lateOnCents > 0) {
      charges.push(charge('LATE_PAYMENT_REMUNERATIVE_INTEREST', Math.round(lateOnCents * 0.129), 0));
      charges.push(charge('LATE_PAYMENT_INTEREST', Math.round(lateOnCents * 0.01), 1));
      charges.push(charge('LATE_PAYMENT_FEE', Math.round(lateOnCents * 0.02), 2));
      charges.push(charge('IOF', Math.round(lateOnCents * 0.0038 + lateOnCents * 0.000082 * 30), 3));
    }
    const period = periods.get(month)!;
    if (period.foreignCents > 0) {
      const iof = charge('IOF', Math.round(period.foreignCents * 0.035), 4);
      charges.push({ ...iof, additionalInfo: 'IOF sobre compras internacionais' });
    }
    const chargesCents = charges.reduce((s, c) => s + Math.round(c.amount * 100), 0);
    const totalCents = period.purchasesCents + carriedCents + chargesCents;
    const due = dueMs(r, month);
    const payments: BillPayment[] = [];
    const pay = (valueType: BillPayment['valueType'], cents: number, atMs: number) =>
      payments.push({
        id: uuidFrom(r.seedKey, 'bill-payment', month),
        valueType,
        paymentDate: iso(atMs),
        paymentMode: pick(rng, ['DEBIT_ACCOUNT', 'BANK_SLIP', 'PIX'] as const),
        amount: reais(cents),
        currencyCode: 'BRL',
      });
    const paidBy = due - intBetween(rng, 0, 4) * DAY;
    if (totalCents > 0 && due <= r.updatedAtMs && paidBy <= r.updatedAtMs) {
      if (fate === PARTLY_PAID_AT) pay('OTHER_PAYMENT', Math.round(totalCents * (0.3 + rng() * 0.5)), paidBy);
      else if (fate !== UNPAID_AT) pay('FULL_PAYMENT', totalCents, paidBy);
    }
    const paidCents = payments.reduce((s, p) => s + Math.round(p.amount * 100), 0);
    // What was not paid by the due date rolls into the next bill, with its interest and fees.
    carriedCents = due <= r.updatedAtMs ? Math.max(0, totalCents - paidCents) : 0;
    lateOnCents = carriedCents;
    bills.push({
      id,
      accountId: r.id,
      dueDate: iso(due),
      billClosingDate: iso(closingMs(r, month)),
      totalAmount: reais(totalCents),
      totalAmountCurrencyCode: 'BRL',
      minimumPaymentAmount: reais(Math.max(0, Math.round(totalCents * 0.15))),
      allowsInstallments: true,
      financeCharges: charges,
      payments,
    });
  }
  cache.set(ledger, { key, bills });
  return bills;
}
