// Card bills as Pluggy lists them: upsert per card (centavos, charges and payments with the bill), list, reads.
import { toCentavos } from '../../../shared/money';
import type { Bill } from '../../../shared/pluggy';
import type { Db } from '../db';
import { prepared } from '../prepared';
import { isoOrNull, isoTimestamp } from '../raw-json';
import type { UpsertCounts } from '../transactions/upsert';

export interface StoredFinanceCharge {
  id: string | null;
  type: string;
  /** Centavos. */
  amount: number;
  currencyCode: string | null;
  additionalInfo: string | null;
}

export interface StoredBillPayment {
  id: string | null;
  valueType: string;
  paymentDate: string;
  paymentMode: string | null;
  /** Centavos. */
  amount: number;
  currencyCode: string | null;
}

export interface StoredBill {
  id: string;
  accountId: string;
  dueDate: string;
  closingDate: string | null;
  /** Centavos owed, as the bank totals the bill (positive). */
  totalAmount: number;
  currencyCode: string | null;
  minimumPayment: number | null;
  allowsInstallments: boolean | null;
  financeCharges: StoredFinanceCharge[];
  payments: StoredBillPayment[];
  firstSeenAt: string;
  lastSeenAt: string;
}

interface BillRow extends Omit<StoredBill, 'financeCharges' | 'payments' | 'allowsInstallments'> {
  allowsInstallments: number | null;
  financeCharges: string;
  payments: string;
}

const COLUMNS = `id, account_id AS accountId, due_date AS dueDate, closing_date AS closingDate,
  total_amount AS totalAmount, currency_code AS currencyCode, minimum_payment AS minimumPayment,
  allows_installments AS allowsInstallments, finance_charges AS financeCharges, payments,
  first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt`;

const UPSERT_SQL = `INSERT INTO bills (id, account_id, due_date, closing_date, total_amount, currency_code,
  minimum_payment, allows_installments, finance_charges, payments, first_seen_at, last_seen_at, changed_at)
VALUES (@id, @account_id, @due_date, @closing_date, @total_amount, @currency_code, @minimum_payment,
  @allows_installments, @finance_charges, @payments, @at, @at, @at)
ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, due_date = excluded.due_date,
  closing_date = excluded.closing_date, total_amount = excluded.total_amount,
  currency_code = excluded.currency_code, minimum_payment = excluded.minimum_payment,
  allows_installments = excluded.allows_installments, finance_charges = excluded.finance_charges,
  payments = excluded.payments, last_seen_at = excluded.last_seen_at, changed_at = excluded.changed_at`;

const cents = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? toCentavos(v) : null;

function billValues(accountId: string, b: Bill, at: string) {
  const charges: StoredFinanceCharge[] = b.financeCharges.map((c) => ({
    id: c.id ?? null,
    type: c.type,
    amount: toCentavos(c.amount),
    currencyCode: c.currencyCode ?? null,
    additionalInfo: c.additionalInfo ?? null,
  }));
  const payments: StoredBillPayment[] = b.payments.map((p) => ({
    id: p.id ?? null,
    valueType: p.valueType,
    paymentDate: isoTimestamp(p.paymentDate, 'payments.paymentDate', b.id),
    paymentMode: p.paymentMode ?? null,
    amount: toCentavos(p.amount),
    currencyCode: p.currencyCode ?? null,
  }));
  return {
    id: b.id,
    account_id: accountId,
    due_date: isoTimestamp(b.dueDate, 'dueDate', b.id),
    closing_date: isoOrNull(b.billClosingDate, 'billClosingDate', b.id),
    total_amount: toCentavos(b.totalAmount),
    currency_code: b.totalAmountCurrencyCode ?? null,
    minimum_payment: cents(b.minimumPaymentAmount),
    allows_installments: typeof b.allowsInstallments === 'boolean' ? Number(b.allowsInstallments) : null,
    finance_charges: JSON.stringify(charges),
    payments: JSON.stringify(payments),
    at,
  };
}

/** Stores one card's bills (the account must be stored); a bill seen again is updated in place. */
export function upsertBills(db: Db, accountId: string, bills: readonly Bill[], at: string): UpsertCounts {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const exists = prepared(db, 'SELECT finance_charges, payments, total_amount FROM bills WHERE id = ?');
  const upsert = prepared(db, UPSERT_SQL);
  for (const bill of bills) {
    const values = billValues(accountId, bill, at);
    const before = exists.get(bill.id) as
      { finance_charges: string; payments: string; total_amount: number } | undefined;
    upsert.run(values);
    if (!before) counts.inserted += 1;
    else if (
      before.finance_charges === values.finance_charges &&
      before.payments === values.payments &&
      before.total_amount === values.total_amount
    )
      counts.unchanged += 1;
    else counts.updated += 1;
  }
  return counts;
}

function toStoredBill(row: BillRow): StoredBill {
  return {
    ...row,
    allowsInstallments: row.allowsInstallments === null ? null : row.allowsInstallments === 1,
    financeCharges: JSON.parse(row.financeCharges) as StoredFinanceCharge[],
    payments: JSON.parse(row.payments) as StoredBillPayment[],
  };
}

/** Every stored bill, per card, oldest due date first (optionally one card's). */
export function listBills(db: Db, accountId?: string): StoredBill[] {
  const rows = (
    accountId === undefined
      ? prepared(db, `SELECT ${COLUMNS} FROM bills ORDER BY account_id, due_date`).all()
      : prepared(db, `SELECT ${COLUMNS} FROM bills WHERE account_id = ? ORDER BY due_date`).all(accountId)
  ) as BillRow[];
  return rows.map(toStoredBill);
}

export function getBill(db: Db, id: string): StoredBill | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM bills WHERE id = ?`).get(id) as BillRow | undefined;
  return row ? toStoredBill(row) : null;
}

export interface BillRead {
  accountId: string;
  /** When the card's bills were last read whole. */
  readAt: string | null;
  /** The last read's failure, when it failed after that. */
  errorCode: string | null;
  errorAt: string | null;
}

/** Records a card's bills read: a success clears the error, a failure keeps the last success's time. */
export function recordBillRead(db: Db, accountId: string, outcome: { at: string; errorCode?: string }): void {
  if (outcome.errorCode === undefined) {
    prepared(
      db,
      `INSERT INTO bill_reads (account_id, read_at) VALUES (?, ?)
       ON CONFLICT (account_id) DO UPDATE SET read_at = excluded.read_at, error_code = NULL, error_at = NULL`,
    ).run(accountId, outcome.at);
  } else {
    prepared(
      db,
      `INSERT INTO bill_reads (account_id, error_code, error_at) VALUES (?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET error_code = excluded.error_code, error_at = excluded.error_at`,
    ).run(accountId, outcome.errorCode, outcome.at);
  }
}

export function listBillReads(db: Db): BillRead[] {
  return prepared(
    db,
    `SELECT account_id AS accountId, read_at AS readAt, error_code AS errorCode, error_at AS errorAt
     FROM bill_reads`,
  ).all() as BillRead[];
}
