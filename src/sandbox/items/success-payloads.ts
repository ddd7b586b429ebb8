// What a successful execution reports: the per-product status detail and the transactions/* webhooks.
import type { ItemProductsStatusDetail } from '../../shared/pluggy';
import type { Changes } from '../data/evolve';
import type { AccountLedger } from '../data/ledger';
import type { EventDraft } from '../webhooks/dispatcher';
import type { Outcome } from './outcomes';

export function successStatusDetail(
  outcome: Extract<Outcome, { kind: 'success' }>,
  at: string,
): ItemProductsStatusDetail {
  // As Pluggy sends it: only the products the item collects, each with any subset of its fields.
  const productStatus = { isUpdated: true, lastUpdatedAt: at };
  const warning = outcome.warning
    ? { ...productStatus, warnings: [{ code: '001', message: 'Some transactions could not be retrieved' }] }
    : productStatus;
  return {
    accounts: outcome.partial
      ? { isUpdated: false, warnings: [{ code: '001', message: 'Accounts could not be retrieved' }] }
      : productStatus,
    creditCards: productStatus,
    transactions: warning,
    identity: { isUpdated: true },
    paymentData: {},
  };
}

export interface TransactionEventsInput {
  itemId: string;
  clientId: string;
  baseUrl: string;
  perAccount: { accountId: string; changes: Changes }[];
  createdAtFrom: string;
  /** The first sync announces every transaction; later ones only what changed. */
  first: boolean;
  ledgers: Map<string, AccountLedger>;
}

export function transactionEvents(input: TransactionEventsInput): EventDraft[] {
  const { itemId, clientId, createdAtFrom, first } = input;
  const events: EventDraft[] = [];
  for (const { accountId, changes } of input.perAccount) {
    const ledger = input.ledgers.get(accountId);
    const count = first ? (ledger?.count() ?? 0) : changes.created.length;
    if (count > 0) {
      const minDate = first ? ledger?.at(0)?.date : changes.created.map((t) => t.date).sort()[0];
      const query = `accountId=${accountId}&createdAtFrom=${encodeURIComponent(createdAtFrom)}`;
      events.push({
        event: 'transactions/created',
        id: itemId,
        itemId,
        accountId,
        clientId,
        transactionsCount: count,
        transactionsMinDate: minDate ?? createdAtFrom,
        transactionsCreatedAtFrom: createdAtFrom,
        createdTransactionsLink: `${input.baseUrl}/transactions?${query}`,
        createdTransactionsLinkV2: `${input.baseUrl}/v2/transactions?${query}`,
      });
    }
    for (const [event, ids] of [
      ['transactions/updated', changes.updated],
      ['transactions/deleted', changes.deleted],
    ] as const) {
      if (ids.length > 0) events.push({ event, itemId, accountId, clientId, transactionIds: ids });
    }
  }
  return events;
}
