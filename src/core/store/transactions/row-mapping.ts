// Turns one Pluggy transaction into the column values of the transactions table.
import type { Transaction } from '../../../shared/pluggy';
import { AppError } from '../../../shared/errors';
import { MAX_AMOUNT, toCentavos } from '../../../shared/money';
import { isoOrNull, isoTimestamp } from '../raw-json';
import { rawRemainder } from './raw-remainder';

/** The stored columns filled from Pluggy, in the order of `MappedTransaction.values`; the others are
 * generated from `raw` (see migration 10). */
export const DATA_COLUMNS = [
  'id',
  'account_id',
  'date',
  'amount',
  'currency_code',
  'type',
  'status',
  'description',
  'category',
  'merchant_name',
  'counterparty_name',
  'pluggy_created_at',
  'raw',
  'amount_in_account_currency',
  'balance',
] as const;

/**
 * One transaction as the table's values, in DATA_COLUMNS order. A plain array of strings and numbers: it is
 * what a decoding thread hands over, and structured clone copies nothing else.
 */
export type RowValues = [
  id: string,
  accountId: string,
  date: string,
  /** Centavos, with Pluggy's sign (see shared/money for Cofre's convention). */
  amount: number,
  currencyCode: string | null,
  type: string,
  status: string,
  description: string,
  category: string | null,
  merchantName: string | null,
  counterpartyName: string | null,
  createdAt: string | null,
  raw: string,
  /** Centavos: the account-currency figure of a foreign purchase. */
  amountInAccountCurrency: number | null,
  /** Centavos: the balance after it, where the bank gives it. */
  balance: number | null,
];

/** RowValues with the fields the upsert reads by name. */
export interface MappedTransaction {
  id: string;
  accountId: string;
  date: string;
  /** What of the Pluggy object no column holds (see raw-remainder.ts), as stored. */
  raw: string;
  /** description, merchant_name, counterparty_name: what the FTS index holds. */
  searchable: [string, string | null, string | null];
  /** Positional values for DATA_COLUMNS (positional binding is markedly faster than named in bulk). */
  values: RowValues;
}

export const rowId = (values: RowValues): string => values[0];

/** Pluggy's ingestion time, canonical ISO (the sync's watermark compares it). */
export const rowCreatedAt = (values: RowValues): string | null => values[11];

export function mappedRow(values: RowValues): MappedTransaction {
  return {
    id: values[0],
    accountId: values[1],
    date: values[2],
    raw: values[12],
    searchable: [values[7], values[9], values[10]],
    values,
  };
}

/** An optional money field as centavos; anything but a finite number in range is treated as absent. */
function optionalCentavos(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < MAX_AMOUNT ? toCentavos(v) : null;
}

function bad(id: string, field: string, why: string): AppError {
  return new AppError('invalid_input', `Transaction ${id}: ${field} ${why}.`, { details: { id, field } });
}

/** Checks the fields the table needs and maps them; throws `invalid_input` naming the transaction. */
export function toRowValues(t: Transaction): RowValues {
  if (typeof t.id !== 'string' || t.id.length === 0) throw bad('(no id)', 'id', 'is missing');
  const id = t.id;
  if (typeof t.accountId !== 'string' || t.accountId.length === 0) throw bad(id, 'accountId', 'is missing');
  if (typeof t.amount !== 'number' || !Number.isFinite(t.amount)) throw bad(id, 'amount', 'is not a number');
  if (Math.abs(t.amount) >= MAX_AMOUNT) throw bad(id, 'amount', 'is out of range');
  if (typeof t.date !== 'string') throw bad(id, 'date', 'is missing');
  if (typeof t.type !== 'string' || t.type.length === 0) throw bad(id, 'type', 'is missing');
  const pd = t.paymentData ?? null;
  const m = t.merchant ?? null;
  // The "other side" of the payment: who received a debit, who sent a credit.
  const counterparty =
    t.type === 'CREDIT' ? (pd?.payer?.name ?? pd?.receiver?.name) : (pd?.receiver?.name ?? pd?.payer?.name);
  const date = isoTimestamp(t.date, 'date', id);
  const createdAt = isoOrNull(t.createdAt, 'createdAt', id);
  const raw = rawRemainder(t, date, createdAt);
  const description = typeof t.description === 'string' ? t.description : '';
  const merchant = m?.name ?? m?.businessName ?? null;
  return [
    id,
    t.accountId,
    date,
    toCentavos(t.amount),
    t.currencyCode ?? null,
    t.type,
    t.status ?? 'POSTED',
    description,
    t.category ?? null,
    merchant,
    counterparty ?? null,
    createdAt,
    raw,
    optionalCentavos(t.amountInAccountCurrency),
    optionalCentavos(t.balance),
  ];
}
