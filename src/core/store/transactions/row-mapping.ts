// Turns one Pluggy transaction into the column values of the transactions table.
import type { Transaction } from '../../../shared/pluggy';
import { AppError } from '../../../shared/errors';
import { isoOrNull, isoTimestamp, rawJson } from '../raw-json';

/** Column values in the order of the INSERT statement in upsert.ts (the bookkeeping columns come after). */
export interface TransactionColumns {
  id: string;
  account_id: string;
  date: string;
  amount: number;
  amount_in_account_currency: number | null;
  balance: number | null;
  currency_code: string | null;
  type: string;
  status: string;
  description: string;
  description_raw: string | null;
  category: string | null;
  category_id: string | null;
  operation_type: string | null;
  provider_code: string | null;
  provider_id: string | null;
  merchant_name: string | null;
  merchant_cnpj: string | null;
  merchant_category: string | null;
  payment_method: string | null;
  counterparty_name: string | null;
  card_number: string | null;
  card_installment_number: number | null;
  card_total_installments: number | null;
  card_bill_id: string | null;
  pluggy_created_at: string | null;
  pluggy_updated_at: string | null;
  raw_hash: string;
  raw: string;
}

function bad(id: string, field: string, why: string): AppError {
  return new AppError('invalid_input', `Transaction ${id}: ${field} ${why}.`, { details: { id, field } });
}

/** Checks the fields the table needs and maps them; throws `invalid_input` naming the transaction. */
export function toTransactionColumns(t: Transaction): TransactionColumns {
  const id = typeof t.id === 'string' && t.id.length > 0 ? t.id : '(no id)';
  if (id === '(no id)') throw bad(id, 'id', 'is missing');
  if (typeof t.accountId !== 'string' || t.accountId.length === 0) throw bad(id, 'accountId', 'is missing');
  if (typeof t.amount !== 'number' || !Number.isFinite(t.amount)) throw bad(id, 'amount', 'is not a number');
  if (typeof t.date !== 'string') throw bad(id, 'date', 'is missing');
  if (typeof t.type !== 'string' || t.type.length === 0) throw bad(id, 'type', 'is missing');
  const pd = t.paymentData ?? null;
  const cc = t.creditCardMetadata ?? null;
  const m = t.merchant ?? null;
  // The "other side" of the payment: who received a debit, who sent a credit.
  const counterparty =
    t.type === 'CREDIT' ? (pd?.payer?.name ?? pd?.receiver?.name) : (pd?.receiver?.name ?? pd?.payer?.name);
  const raw = rawJson(t);
  return {
    id,
    account_id: t.accountId,
    date: isoTimestamp(t.date, 'date', id),
    amount: t.amount,
    amount_in_account_currency: t.amountInAccountCurrency ?? null,
    balance: t.balance ?? null,
    currency_code: t.currencyCode ?? null,
    type: t.type,
    status: t.status ?? 'POSTED',
    description: typeof t.description === 'string' ? t.description : '',
    description_raw: t.descriptionRaw ?? null,
    category: t.category ?? null,
    category_id: t.categoryId ?? null,
    operation_type: t.operationType ?? null,
    provider_code: t.providerCode ?? null,
    provider_id: t.providerId ?? null,
    merchant_name: m?.name ?? m?.businessName ?? null,
    merchant_cnpj: m?.cnpj ?? null,
    merchant_category: m?.category ?? null,
    payment_method: pd?.paymentMethod ?? null,
    counterparty_name: counterparty ?? null,
    card_number: cc?.cardNumber ?? null,
    card_installment_number: cc?.installmentNumber ?? null,
    card_total_installments: cc?.totalInstallments ?? null,
    card_bill_id: cc?.billId ?? null,
    pluggy_created_at: isoOrNull(t.createdAt, 'createdAt', id),
    pluggy_updated_at: isoOrNull(t.updatedAt, 'updatedAt', id),
    raw_hash: raw.hash,
    raw: raw.text,
  };
}
