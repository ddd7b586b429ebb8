// Lazy, deterministic transactions: transaction i of an account is computed from (seed, account, i) alone.
import type { Transaction } from '../../shared/pluggy';
import { iso } from '../clock';
import type { AccountRecord } from './account-record';
import { rngFor, type Rng } from './prng';
import { bankDraft, cardDraft, savingsDraft } from './transaction-drafts';
import { DAY, PENDING_DAYS, generatedDateMs, generatedId } from './transaction-layout';

export function buildTransaction(
  account: AccountRecord,
  id: string,
  dateMs: number,
  createdAtMs: number,
  rng: Rng,
): Transaction {
  const day = new Date(dateMs).getUTCDate();
  const d =
    account.kind === 'card'
      ? cardDraft(rng, dateMs, account)
      : account.kind === 'savings'
        ? savingsDraft(rng)
        : bankDraft(rng, day);
  const pending = account.kind === 'card' && dateMs >= account.anchorMs - PENDING_DAYS * DAY;
  return {
    id,
    accountId: account.id,
    date: iso(dateMs),
    description: d.description,
    descriptionRaw: d.description.toUpperCase(),
    type: d.type,
    amount: d.amount,
    amountInAccountCurrency: d.amountInAccountCurrency ?? null,
    balance: null,
    currencyCode: d.currencyCode ?? 'BRL',
    category: d.category,
    categoryId: d.categoryId,
    status: pending ? 'PENDING' : 'POSTED',
    providerCode: null,
    providerId: null,
    operationType: d.operationType ?? null,
    operationTypeAdditionalInfo: null,
    paymentData: d.paymentData ?? null,
    creditCardMetadata: d.creditCardMetadata ?? null,
    merchant: d.merchant ?? null,
    createdAt: iso(createdAtMs),
    updatedAt: iso(createdAtMs),
  };
}

/** Generated transaction i, before removals and overrides. */
export function generatedTransaction(account: AccountRecord, index: number): Transaction {
  const dateMs = generatedDateMs(account, index);
  return buildTransaction(
    account,
    generatedId(account, index),
    dateMs,
    account.anchorMs,
    rngFor(account.seedKey, 'tx', index),
  );
}
