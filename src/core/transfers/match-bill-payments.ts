// Ties a payment out of a bank account to the card fatura it paid: the bill lists that payment, or the amount
// is the fatura's total and the date is near its due date.
import type { Db } from '../store/db';
import { prepared } from '../store/prepared';
import { isRejectedMatch } from '../store';
import type { MoveRow } from './move-rows';

const DAY = 86_400_000;
/** A payment the bill lists is booked by the bank within a few days of its paymentDate. */
const PAYMENT_DATE_DAYS = 3;
/** Without the bill's own record: paid up to 20 days before the due date or 10 days late. */
const BEFORE_DUE_DAYS = 20;
const AFTER_DUE_DAYS = 10;

export interface BillFacts {
  id: string;
  accountId: string;
  dueMs: number;
  totalAmount: number;
  payments: { amount: number; paymentMs: number }[];
  firstSeenAt: string;
}

export function isBillPaymentLike(row: MoveRow): boolean {
  if (row.type !== 'DEBIT') return false;
  if (row.categoryId === '05100000' || row.category === 'Credit card payment') return true;
  if (row.operationType === 'PAGAMENTO_FATURA') return true;
  return /\bfatura\b|cart[aã]o de cr[eé]dito/i.test(row.description);
}

/** Every fatura of the given cards, with the payments each one lists (centavos). */
export function billsOfCards(db: Db, cardIds: ReadonlySet<string>): BillFacts[] {
  const rows = prepared(
    db,
    'SELECT id, account_id AS accountId, due_date AS dueDate, total_amount AS totalAmount, payments, first_seen_at AS firstSeenAt FROM bills',
  ).all() as {
    id: string;
    accountId: string;
    dueDate: string;
    totalAmount: number;
    payments: string;
    firstSeenAt: string;
  }[];
  return rows
    .filter((b) => cardIds.has(b.accountId))
    .map((b) => ({
      id: b.id,
      accountId: b.accountId,
      dueMs: Date.parse(b.dueDate),
      totalAmount: b.totalAmount,
      firstSeenAt: b.firstSeenAt,
      payments: (JSON.parse(b.payments) as { amount: number; paymentDate: string }[]).map((p) => ({
        amount: p.amount,
        paymentMs: Date.parse(p.paymentDate),
      })),
    }));
}

/** The fatura a payment row paid, or null; the bill's own record of the payment wins over its total. */
export function matchBillPayment(db: Db, row: MoveRow, bills: readonly BillFacts[]): BillFacts | null {
  const ms = Date.parse(row.date);
  let best: { bill: BillFacts; rank: number; distance: number } | null = null;
  for (const bill of bills) {
    const listed = bill.payments
      .filter((p) => p.amount === row.cents)
      .map((p) => Math.abs(p.paymentMs - ms))
      .filter((d) => d <= PAYMENT_DATE_DAYS * DAY);
    const byTotal =
      bill.totalAmount === row.cents &&
      ms >= bill.dueMs - BEFORE_DUE_DAYS * DAY &&
      ms <= bill.dueMs + AFTER_DUE_DAYS * DAY;
    const rank = listed.length > 0 ? 0 : byTotal ? 1 : null;
    if (rank === null) continue;
    const distance = rank === 0 ? Math.min(...listed) : Math.abs(bill.dueMs - ms);
    if (best !== null && (rank > best.rank || (rank === best.rank && distance >= best.distance))) continue;
    if (isRejectedMatch(db, row.id, bill.id)) continue;
    best = { bill, rank, distance };
  }
  return best?.bill ?? null;
}
