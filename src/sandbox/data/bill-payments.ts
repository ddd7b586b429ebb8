// The person pays their card's faturas from the same bank's checking account: each payment a closed bill lists
// is also a row of that account, on the payment's day and for its amount, which Cofre ties to the fatura.
import type { Transaction } from '../../shared/pluggy';
import { iso } from '../clock';
import type { SandboxStore } from '../store';
import { billsOf } from './bills';
import { movedBalance } from './evolve';
import { uuidFrom } from './prng';

/**
 * Adds the rows of payments not mirrored yet (ingested now); run at an item's every successful sync, so a
 * fatura paid since shows up with the sync after, moving the account's balance. At the first sync the year's
 * payments are history the account's balance already holds. Returns the rows.
 */
export function mirrorBillPayments(
  store: SandboxStore,
  itemId: string,
  nowMs: number,
  first: boolean,
): Transaction[] {
  const ledgers = store.ledgersOf(itemId);
  const checking = ledgers.find((l) => l.record.kind === 'checking');
  if (!checking) return [];
  const added: Transaction[] = [];
  for (const card of ledgers.filter((l) => l.record.kind === 'card')) {
    const last4 = card.record.number.slice(-4);
    for (const bill of billsOf(card)) {
      for (const [n, payment] of (bill.payments ?? []).entries()) {
        const id = uuidFrom(card.record.seedKey, 'bill-payment-debit', bill.id, n);
        if (Date.parse(payment.paymentDate) > nowMs || checking.positionOf(id) !== undefined) continue;
        const tx: Transaction = {
          id,
          accountId: checking.record.id,
          date: payment.paymentDate,
          description: `Pagamento fatura cartão final ${last4}`,
          descriptionRaw: `PAGTO FATURA CARTAO ${last4}`,
          type: 'DEBIT',
          amount: -payment.amount,
          amountInAccountCurrency: null,
          balance: null,
          currencyCode: 'BRL',
          category: 'Credit card payment',
          categoryId: '05100000',
          status: 'POSTED',
          providerCode: null,
          providerId: null,
          operationType: 'PAGAMENTO_FATURA',
          operationTypeAdditionalInfo: null,
          paymentData: null,
          creditCardMetadata: null,
          merchant: null,
          createdAt: iso(nowMs),
          updatedAt: iso(nowMs),
        };
        checking.add(tx);
        if (!first) checking.record.balance = movedBalance(checking.record, tx);
        added.push(tx);
      }
    }
  }
  return added;
}
