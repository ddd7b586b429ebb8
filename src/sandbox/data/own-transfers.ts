// A person who links a second bank moves money between their own accounts: when an item's accounts are first
// created and an earlier item has a checking account, a Pix goes from that one to the new one, both sides listed.
// Its ground truth (OwnTransferTruth) is listed by GET /__sandbox/truth for both items.
import type { Transaction } from '../../shared/pluggy';
import type { OwnTransferTruth } from '../admin-schemas';
import { iso } from '../clock';
import type { SandboxStore } from '../store';
import { BANKS_ISPB, digits } from './brazil';
import { movedBalance } from './evolve';
import type { AccountLedger } from './ledger';
import { money, pick, rngFor, uuidFrom } from './prng';

const DAY = 86_400_000;
const OWNER = 'John Doe';

function checkingOf(store: SandboxStore, itemId: string): AccountLedger | undefined {
  return store.ledgersOf(itemId).find((l) => l.record.kind === 'checking');
}

/**
 * Adds the two sides (ingested now, dated two days back) and moves both balances. The sending side reaches
 * Cofre with its own item's next sync, as a bank's row does; the receiving side with the new item's first.
 * Neither side names the person's CPF: Cofre finds the pair from amount, dates, directions and names.
 */
export function addOwnTransfer(
  store: SandboxStore,
  seed: string,
  newItemId: string,
  nowMs: number,
): OwnTransferTruth | null {
  const to = checkingOf(store, newItemId);
  const from = [...store.items.values()]
    .filter((r) => r.item.id !== newItemId && r.item.status === 'UPDATED')
    .map((r) => checkingOf(store, r.item.id))
    .filter((l): l is AccountLedger => l !== undefined)
    .at(-1);
  if (!to || !from) return null;
  const rng = rngFor(seed, 'own-transfer', newItemId);
  const amount = money(rng, 200, 2_500);
  const date = iso(Math.floor((nowMs - 2 * DAY) / DAY) * DAY + 14 * 3_600_000);
  const party = (ledger: AccountLedger) => {
    const bank = pick(rng, BANKS_ISPB);
    return {
      name: OWNER,
      accountNumber: ledger.record.number,
      branchNumber: '0001',
      routingNumber: bank.code,
      routingNumberISPB: bank.ispb,
    };
  };
  const paymentData = {
    payer: party(from),
    receiver: party(to),
    paymentMethod: 'PIX',
    referenceNumber: `E${digits(rng, 31)}`,
    boletoMetadata: null,
  };
  const side = (ledger: AccountLedger, sent: boolean): Transaction => ({
    id: uuidFrom(seed, 'own-transfer', newItemId, sent ? 'sent' : 'received'),
    accountId: ledger.record.id,
    date,
    description: `Pix ${sent ? 'enviado' : 'recebido'} ${OWNER}`,
    descriptionRaw: `PIX ${sent ? 'ENVIADO' : 'RECEBIDO'} ${OWNER.toUpperCase()}`,
    type: sent ? 'DEBIT' : 'CREDIT',
    amount: sent ? -amount : amount,
    amountInAccountCurrency: null,
    balance: null,
    currencyCode: 'BRL',
    category: 'Transfer - PIX',
    categoryId: '05070000',
    status: 'POSTED',
    providerCode: null,
    providerId: null,
    operationType: 'PIX',
    operationTypeAdditionalInfo: null,
    paymentData,
    creditCardMetadata: null,
    merchant: null,
    createdAt: iso(nowMs),
    updatedAt: iso(nowMs),
  });
  const sent = side(from, true);
  const received = side(to, false);
  for (const [ledger, tx] of [
    [from, sent],
    [to, received],
  ] as const) {
    ledger.add(tx);
    ledger.record.balance = movedBalance(ledger.record, tx);
  }
  return {
    sentTransactionId: sent.id,
    receivedTransactionId: received.id,
    fromAccountId: from.record.id,
    toAccountId: to.record.id,
    amount,
    date,
  };
}
