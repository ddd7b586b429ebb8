// Loan contracts: upsert what Pluggy lists, mark the vanished, list for the Accounts screen and net worth.
import type { Loan } from '../../../shared/pluggy';
import type { Db } from '../db';
import { prepared } from '../prepared';
import {
  markMissingRemoved,
  optionalCentavos,
  optionalNumber,
  upsertProductRows,
  type ProductUpsert,
} from '../product-rows';
import { isoOrNull } from '../raw-json';

export interface StoredLoan {
  id: string;
  connectionId: string;
  kind: string | null;
  type: string | null;
  productName: string;
  contractNumber: string | null;
  currencyCode: string;
  /** Centavos: the amount contracted. */
  contractAmount: number | null;
  /** Centavos, as Pluggy gives it (positive: what it takes to settle the debt today). */
  outstandingBalance: number | null;
  contractDate: string | null;
  dueDate: string | null;
  installmentPeriodicity: string | null;
  installmentsTotal: number | null;
  installmentsPaid: number | null;
  installmentsDue: number | null;
  installmentsPastDue: number | null;
  /** The first contracted rate (1 = 100%) and its periodicity (MONTHLY, YEARLY…). */
  interestRate: number | null;
  interestRatePeriodicity: string | null;
  /** Custo Efetivo Total, annual (0.29 = 29%). */
  cet: number | null;
  removedAt: string | null;
}

const COLUMNS = `id, connection_id AS connectionId, kind, type, product_name AS productName,
  contract_number AS contractNumber, currency_code AS currencyCode, contract_amount AS contractAmount,
  outstanding_balance AS outstandingBalance, contract_date AS contractDate, due_date AS dueDate,
  installment_periodicity AS installmentPeriodicity, installments_total AS installmentsTotal,
  installments_paid AS installmentsPaid, installments_due AS installmentsDue,
  installments_past_due AS installmentsPastDue, interest_rate AS interestRate,
  interest_rate_periodicity AS interestRatePeriodicity, cet, removed_at AS removedAt`;

const UPSERT_SQL = `INSERT INTO loans (id, connection_id, kind, type, product_name, contract_number,
  currency_code, contract_amount, outstanding_balance, contract_date, due_date, installment_periodicity,
  installments_total, installments_paid, installments_due, installments_past_due, interest_rate,
  interest_rate_periodicity, cet, first_seen_at, changed_at, raw_hash, raw)
VALUES (@id, @connection_id, @kind, @type, @product_name, @contract_number, @currency_code, @contract_amount,
  @outstanding_balance, @contract_date, @due_date, @installment_periodicity, @installments_total,
  @installments_paid, @installments_due, @installments_past_due, @interest_rate, @interest_rate_periodicity,
  @cet, @at, @at, @raw_hash, @raw)
ON CONFLICT (id) DO UPDATE SET connection_id = excluded.connection_id, kind = excluded.kind,
  type = excluded.type, product_name = excluded.product_name, contract_number = excluded.contract_number,
  currency_code = excluded.currency_code, contract_amount = excluded.contract_amount,
  outstanding_balance = excluded.outstanding_balance, contract_date = excluded.contract_date,
  due_date = excluded.due_date, installment_periodicity = excluded.installment_periodicity,
  installments_total = excluded.installments_total, installments_paid = excluded.installments_paid,
  installments_due = excluded.installments_due, installments_past_due = excluded.installments_past_due,
  interest_rate = excluded.interest_rate, interest_rate_periodicity = excluded.interest_rate_periodicity,
  cet = excluded.cet, changed_at = excluded.changed_at, removed_at = NULL, raw_hash = excluded.raw_hash,
  raw = excluded.raw
WHERE loans.raw_hash IS NOT excluded.raw_hash OR loans.removed_at IS NOT NULL`;

const whole = (v: number | null | undefined) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null;

export function upsertLoans(db: Db, connectionId: string, loans: readonly Loan[], at: string): ProductUpsert {
  return upsertProductRows(db, 'loans', UPSERT_SQL, loans, (l, raw) => {
    const rate = l.interestRates?.[0];
    return {
      id: l.id,
      connection_id: connectionId,
      kind: l.kind ?? null,
      type: l.type ?? null,
      product_name: l.productName ?? l.type ?? l.contractNumber ?? l.id,
      contract_number: l.contractNumber ?? null,
      currency_code: l.currencyCode ?? 'BRL',
      contract_amount: optionalCentavos(l.contractAmount),
      outstanding_balance: optionalCentavos(l.payments?.contractOutstandingBalance),
      contract_date: isoOrNull(l.contractDate, 'contractDate', l.id),
      due_date: isoOrNull(l.dueDate, 'dueDate', l.id),
      installment_periodicity: l.installmentPeriodicity ?? null,
      installments_total: whole(l.installments?.totalNumberOfInstallments),
      installments_paid: whole(l.installments?.paidInstallments),
      installments_due: whole(l.installments?.dueInstallments),
      installments_past_due: whole(l.installments?.pastDueInstallments),
      interest_rate: optionalNumber(rate?.preFixedRate),
      interest_rate_periodicity: rate?.taxPeriodicity ?? null,
      cet: optionalNumber(l.CET),
      at,
      raw_hash: raw.hash,
      raw: raw.text,
    };
  });
}

export function markMissingLoansRemoved(
  db: Db,
  connectionId: string,
  presentIds: readonly string[],
  at: string,
): number {
  return markMissingRemoved(db, 'loans', 'connection_id', connectionId, presentIds, at);
}

export function listLoans(db: Db, options: { connectionId?: string } = {}): StoredLoan[] {
  const byConnection = options.connectionId !== undefined;
  return prepared(
    db,
    `SELECT ${COLUMNS} FROM loans WHERE removed_at IS NULL ${byConnection ? 'AND connection_id = ?' : ''}
     ORDER BY connection_id, product_name, id`,
  ).all(...(byConnection ? [options.connectionId] : [])) as StoredLoan[];
}
