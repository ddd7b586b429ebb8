// Handlers of bills.*: faturas and parcelas ahead from the local DB, never the network.
import { AppError } from '../../shared/errors';
import { cardsView, faturaRowIds } from '../bills/card-faturas';
import { exportFatura } from '../bills/fatura-export';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../router/router';
import { recordExport } from '../security-review/record-export';
import { storedTransactionsByIds } from '../store';
import { transactionView } from './money-handlers';

type BillHandlers = Pick<Handlers, 'bills.cards' | 'bills.transactions' | 'bills.export'>;

export function billHandlers(ctx: CoreContext): BillHandlers {
  return {
    'bills.cards': () => cardsView(ctx.db(), ctx.clock.now()),
    'bills.transactions': ({ accountId, key }) => {
      const fatura = faturaRowIds(ctx.db(), accountId, key, ctx.clock.now());
      if (fatura === null) throw new AppError('not_found', 'No such fatura on this card.');
      return {
        rows: storedTransactionsByIds(ctx.db(), fatura.ids)
          .map((t) => transactionView(t))
          .reverse(),
      };
    },
    'bills.export': ({ accountId, key, csvVariant }) => {
      const now = ctx.clock.now();
      const file = exportFatura(ctx.db(), { accountId, key }, now, csvVariant);
      recordExport(ctx.db(), 'fatura', { format: 'csv', rows: file.rows }, new Date(now).toISOString());
      return file;
    },
  };
}
