// Stored investments and loans as the contract shows them: grouped for the screen, signed per Cofre's convention.
import { connectionName } from '../../shared/connections/name';
import type {
  InvestmentGroup,
  InvestmentTransactionView,
  InvestmentView,
  LoanView,
  ProductCoverage,
} from '../../shared/contract';
import type {
  ProductRead,
  ReadProduct,
  StoredConnection,
  StoredInvestment,
  StoredInvestmentTransaction,
  StoredLoan,
} from '../store';

/** Pluggy's asset class (and, within fixed income, Tesouro Direto) to the group a Brazilian expects. */
export function investmentGroup(type: string | null, subtype: string | null): InvestmentGroup {
  switch (type) {
    case 'FIXED_INCOME':
      return subtype === 'TREASURY' ? 'treasury' : 'fixed_income';
    case 'MUTUAL_FUND':
      return 'funds';
    case 'EQUITY':
    case 'ETF':
      return 'equities';
    case 'SECURITY':
      return 'pension';
    default:
      return 'other';
  }
}

export function investmentView(bankName: string, i: StoredInvestment): InvestmentView {
  return {
    id: i.id,
    connectionId: i.connectionId,
    bankName,
    group: investmentGroup(i.type, i.subtype),
    type: i.type,
    subtype: i.subtype,
    name: i.name,
    code: i.code,
    status: i.status,
    currencyCode: i.currencyCode,
    balance: i.balance,
    invested: i.amountOriginal,
    profit: i.amountProfit,
    taxes: i.taxes,
    quantity: i.quantity,
    rate: i.rate,
    rateType: i.rateType,
    fixedAnnualRate: i.fixedAnnualRate,
    issuer: i.issuer,
    dueDate: i.dueDate,
    purchaseDate: i.purchaseDate,
    balanceDate: i.balanceDate,
  };
}

/** Seen from the position: CREDIT (into it) positive, DEBIT (out of it) negative. */
const fromPosition = (movementType: string | null, cents: number | null): number | null => {
  if (cents === null) return null;
  const abs = Math.abs(cents);
  return movementType === 'DEBIT' && abs !== 0 ? -abs : abs;
};

export function investmentTransactionView(t: StoredInvestmentTransaction): InvestmentTransactionView {
  return {
    id: t.id,
    type: t.type,
    movementType: t.movementType,
    description: t.description,
    date: t.date,
    amount: fromPosition(t.movementType, t.amount),
    netAmount: fromPosition(t.movementType, t.netAmount),
    quantity: t.quantity,
  };
}

/** A debt is negative in Cofre's convention. */
export const asDebt = (cents: number | null): number | null =>
  cents === null ? null : cents === 0 ? 0 : -Math.abs(cents);

export function loanView(bankName: string, l: StoredLoan): LoanView {
  return {
    id: l.id,
    connectionId: l.connectionId,
    bankName,
    kind: l.kind,
    type: l.type,
    productName: l.productName,
    contractNumberMasked: l.contractNumber ? `•••• ${l.contractNumber.slice(-4)}` : null,
    currencyCode: l.currencyCode,
    contractAmount: l.contractAmount,
    outstanding: asDebt(l.outstandingBalance),
    contractDate: l.contractDate,
    dueDate: l.dueDate,
    installmentsTotal: l.installmentsTotal,
    installmentsPaid: l.installmentsPaid,
    installmentsDue: l.installmentsDue,
    installmentsPastDue: l.installmentsPastDue,
    interestRate: l.interestRate,
    interestRatePeriodicity: l.interestRatePeriodicity,
    cet: l.cet,
  };
}

/** Each live connection's state for one product; a connection never synced since it was read is `never_read`. */
export function coverageOf(
  connections: readonly StoredConnection[],
  reads: readonly ProductRead[],
  product: ReadProduct,
): ProductCoverage[] {
  return connections.map((c) => {
    const read = reads.find((r) => r.connectionId === c.id && r.product === product);
    return {
      connectionId: c.id,
      bankName: connectionName(c),
      state: read?.state ?? 'never_read',
      attemptedAt: read?.attemptedAt ?? null,
      readAt: read?.readAt ?? null,
    };
  });
}
