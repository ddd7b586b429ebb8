// Handlers of investments.* and loans.*: reads of the local DB only, never the network.
import { AppError } from '../../shared/errors';
import { cardsView } from '../bills/card-faturas';
import { owedOnCards } from '../bills/owed-on-cards';
import type { CoreContext } from '../core-context';
import { netWorth } from '../investments/net-worth';
import { coverageOf, investmentTransactionView, investmentView, loanView } from '../investments/views';
import type { Handlers } from '../router/router';
import {
  droppedDuplicateIds,
  getInvestment,
  getSyncState,
  listAccounts,
  listConnections,
  listInvestmentTransactions,
  listInvestments,
  listLoans,
  listProductReads,
  type Db,
} from '../store';

type InvestmentHandlers = Pick<
  Handlers,
  'investments.list' | 'investments.transactions' | 'investments.netWorth' | 'loans.list'
>;

function bankNames(db: Db): Map<string, string> {
  return new Map(listConnections(db, { includeArchived: true }).map((c) => [c.id, c.connectorName]));
}

/**
 * Each link's read of investments and loans. A link that never synced has nothing read of any kind (its card
 * says why, often a refused login that a sync cannot fix), so it is left out rather than told to sync.
 */
function coverage(db: Db) {
  const live = listConnections(db).filter((c) => getSyncState(db, c.id).lastSuccessAt !== null);
  const reads = listProductReads(db);
  return { investments: coverageOf(live, reads, 'investments'), loans: coverageOf(live, reads, 'loans') };
}

export function investmentHandlers(ctx: CoreContext): InvestmentHandlers {
  return {
    'investments.list': () => {
      const db = ctx.db();
      const banks = bankNames(db);
      return {
        positions: listInvestments(db).map((i) => investmentView(banks.get(i.connectionId) ?? '', i)),
        coverage: coverage(db).investments,
      };
    },
    'investments.transactions': ({ investmentId }) => {
      const db = ctx.db();
      if (!getInvestment(db, investmentId))
        throw new AppError('not_found', 'No such investment.', { details: { investmentId } });
      return listInvestmentTransactions(db, investmentId).map(investmentTransactionView);
    },
    'investments.netWorth': () => {
      const db = ctx.db();
      // An account or card listed under two links counts once.
      const dropped = droppedDuplicateIds(db);
      return netWorth({
        accounts: listAccounts(db).filter((a) => !dropped.has(a.id)),
        investments: listInvestments(db),
        loans: listLoans(db),
        // Each card counts through its faturas: the open one and what is left on the last closed one.
        openBills: owedOnCards(cardsView(db, ctx.clock.now()).cards.filter((c) => !dropped.has(c.accountId))),
        coverage: coverage(db),
      });
    },
    'loans.list': () => {
      const db = ctx.db();
      const banks = bankNames(db);
      return {
        loans: listLoans(db).map((l) => loanView(banks.get(l.connectionId) ?? '', l)),
        coverage: coverage(db).loans,
      };
    },
  };
}
