// The net worth line: contas + investimentos − faturas abertas − empréstimos, in BRL centavos, with its parts.
import type { NetWorthView, ProductCoverage } from '../../shared/contract';
import type { StoredAccount, StoredInvestment, StoredLoan } from '../store';
import { asDebt } from './views';

export interface NetWorthInput {
  accounts: readonly Pick<StoredAccount, 'type' | 'balance' | 'currencyCode'>[];
  investments: readonly Pick<StoredInvestment, 'balance' | 'currencyCode'>[];
  loans: readonly Pick<StoredLoan, 'outstandingBalance' | 'currencyCode'>[];
  /** Open faturas' totals as Pluggy gives them (positive: owed), or null while no faturas are read. */
  openBills: readonly { total: number; currencyCode: string }[] | null;
  coverage: { investments: readonly ProductCoverage[]; loans: readonly ProductCoverage[] };
}

const CURRENCY = 'BRL';

export function netWorth(input: NetWorthInput): NetWorthView {
  let foreignLeftOut = 0;
  const sum = <T extends { currencyCode: string }>(rows: readonly T[], value: (row: T) => number): number =>
    rows.reduce((total, row) => {
      if (row.currencyCode !== CURRENCY) {
        foreignLeftOut += 1;
        return total;
      }
      return total + value(row);
    }, 0);
  // Cards are left out of "contas": what is owed on them is the open faturas.
  const accounts = sum(
    input.accounts.filter((a) => a.type !== 'CREDIT'),
    (a) => a.balance,
  );
  const investments = sum(input.investments, (i) => i.balance);
  const loans = sum(input.loans, (l) => asDebt(l.outstandingBalance) ?? 0);
  const openBills = input.openBills === null ? null : sum(input.openBills, (b) => asDebt(b.total) ?? 0);
  const notCounted = (['investments', 'loans'] as const).flatMap((product) =>
    input.coverage[product]
      .filter((c) => c.state !== 'read' && c.readAt === null)
      .map((c) => ({ bankName: c.bankName, product, state: c.state })),
  );
  return {
    total: accounts + investments + (openBills ?? 0) + loans,
    accounts,
    investments,
    openBills,
    loans,
    notCounted,
    foreignLeftOut,
  };
}
