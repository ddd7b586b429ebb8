// Handlers of accounts.*, transactions.* and charts.*: reads of the local DB only, never the network.
import type { AccountView, OwnMoveView, TransactionView } from '../../shared/contract';
import { connectionName, maskNumber, ownerFirstName } from '../../shared/connections/name';
import { signedBalance, signedCentavos } from '../../shared/money';
import type { Handlers } from '../router/router';
import type { CoreContext } from '../core-context';
import { exportTransactions } from '../export/transactions-export';
import { recordExport } from '../security-review/record-export';
import { duplicateViews, ownMoveView } from '../transfers/move-views';
import {
  balanceOverTime,
  countTransactions,
  editsOf,
  listAccounts,
  listConnections,
  listShownCategories,
  ownMovesOf,
  pageTransactions,
  spendingByCategory,
  transactionTotals,
  type StoredAccount,
  type StoredTransaction,
  type TransactionEdit,
} from '../store';

type MoneyHandlers = Pick<
  Handlers,
  | 'accounts.list'
  | 'transactions.page'
  | 'transactions.count'
  | 'transactions.categories'
  | 'transactions.totals'
  | 'transactions.export'
  | 'charts.spending'
  | 'charts.balance'
>;

/** Re-exported: the transaction detail panel masks numbers the same way. */
export { maskNumber };

export function transactionView(
  t: StoredTransaction,
  edit: TransactionEdit | null = null,
  move: OwnMoveView | null = null,
): TransactionView {
  return {
    id: t.id,
    accountId: t.accountId,
    date: t.date,
    description: t.description,
    amount: signedCentavos(t.type, t.amount),
    amountInAccountCurrency:
      t.amountInAccountCurrency === null ? null : signedCentavos(t.type, t.amountInAccountCurrency),
    currencyCode: t.currencyCode,
    type: t.type,
    status: t.status,
    category: t.category,
    merchantName: t.merchantName,
    counterpartyName: t.counterpartyName,
    paymentMethod: t.paymentMethod,
    installmentNumber: t.installmentNumber,
    totalInstallments: t.totalInstallments,
    removedAt: t.removedAt,
    personCategory: edit?.category ?? null,
    note: edit?.note ?? null,
    tags: edit?.tags ?? [],
    ignored: edit?.ignored ?? false,
    move,
  };
}

export function moneyHandlers(ctx: CoreContext): MoneyHandlers {
  const accountView = (
    banks: Map<string, { name: string; connectionName: string; color: string | null }>,
    duplicates: Map<string, AccountView['duplicate']>,
    a: StoredAccount,
  ): AccountView => ({
    id: a.id,
    connectionId: a.connectionId,
    bankName: banks.get(a.connectionId)?.name ?? '',
    connectionName: banks.get(a.connectionId)?.connectionName ?? '',
    ownerFirstName: ownerFirstName(a.owner),
    bankColor: banks.get(a.connectionId)?.color ?? null,
    type: a.type,
    subtype: a.subtype,
    name: a.name,
    marketingName: a.marketingName,
    numberMasked: maskNumber(a.number),
    balance: signedBalance(a.type, a.balance),
    currencyCode: a.currencyCode,
    creditLimit: a.creditLimit,
    availableCreditLimit: a.availableCreditLimit,
    balanceCloseDate: a.balanceCloseDate,
    balanceDueDate: a.balanceDueDate,
    updatedAt: a.pluggyUpdatedAt,
    removedAt: a.removedAt,
    duplicate: duplicates.get(a.id) ?? null,
  });

  return {
    'accounts.list': ({ includeRemoved }) => {
      const db = ctx.db();
      const banks = new Map(
        listConnections(db, { includeArchived: true }).map((c) => [
          c.id,
          { name: c.connectorName, connectionName: connectionName(c), color: c.connectorPrimaryColor },
        ]),
      );
      const accounts = listAccounts(db, { includeRemoved: includeRemoved ?? false });
      const names = new Map(accounts.map((a) => [a.id, banks.get(a.connectionId)?.connectionName ?? '']));
      const duplicates = duplicateViews(db, names);
      return accounts.map((a) => accountView(banks, duplicates, a));
    },
    'transactions.page': ({ filter, after, limit }) => {
      const db = ctx.db();
      const page = pageTransactions(db, { filter, limit, ...(after ? { after } : {}) });
      const ids = page.rows.map((t) => t.id);
      const edits = editsOf(db, ids);
      const moves = ownMovesOf(db, ids);
      const moveOf = (id: string) => {
        const move = moves.get(id);
        return move ? ownMoveView(db, move) : null;
      };
      return {
        rows: page.rows.map((t) => transactionView(t, edits.get(t.id) ?? null, moveOf(t.id))),
        next: page.nextCursor,
      };
    },
    'transactions.count': ({ filter }) => ({ count: countTransactions(ctx.db(), filter) }),
    'transactions.categories': () => listShownCategories(ctx.db()),
    'transactions.totals': ({ filter }) => transactionTotals(ctx.db(), filter),
    'transactions.export': ({ format, filter, csvVariant }) => {
      const at = new Date(ctx.clock.now()).toISOString();
      const file = exportTransactions(ctx.db(), format, filter, at, csvVariant);
      recordExport(ctx.db(), 'transactions', { format, rows: file.rows }, at);
      return file;
    },
    'charts.spending': (request) => spendingByCategory(ctx.db(), request),
    'charts.balance': (request) => balanceOverTime(ctx.db(), request),
  };
}
