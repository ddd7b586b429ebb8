// The transactions table's `raw` column: the part of Pluggy's object no column holds, and the way back.
//
// A row stores each field once. Fields a column reproduces exactly (id, amount, description…) are left
// out of `raw`, and so are nulls (Pluggy sends `null` and leaves a field out to say the same thing). That
// halves the row (941 → 476 bytes on the sandbox's mix), and bytes written are most of what an encrypted
// first sync costs: each 4 KB page is encrypted and authenticated on every commit that touches it.
import { fromCentavos, isWholeCentavos } from '../../../shared/money';
import type { Transaction } from '../../../shared/pluggy';

/** The table columns that stand in for Pluggy fields, as `restoreTransaction` reads them back. */
export interface FoldedColumns {
  id: string;
  accountId: string;
  date: string;
  description: string;
  type: string;
  /** Centavos. */
  amount: number;
  amountInAccountCurrency: number | null;
  balance: number | null;
  currencyCode: string | null;
  category: string | null;
  status: string;
  pluggyCreatedAt: string | null;
}

// Always equal to their column; `date` and `createdAt` only when already canonical (checked per row), money
// only when its centavos column says it exactly (a sub-centavo figure stays here verbatim), and `status`
// reads back as its meaning: absent is POSTED.
const FOLDED = new Set(['id', 'accountId', 'description', 'type', 'currencyCode', 'category', 'status']);
const MONEY = new Set(['amount', 'amountInAccountCurrency', 'balance']);

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The object's fields minus nulls and those `leaveOut` names, nested objects minus their nulls (arrays are
 * kept whole, as JSON merge-patch does).
 */
function withoutNulls(source: JsonObject, leaveOut?: (key: string, value: unknown) => boolean): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(source)) {
    const v = source[key];
    if (v === null || v === undefined || leaveOut?.(key, v)) continue;
    out[key] = isObject(v) ? withoutNulls(v) : v;
  }
  return out;
}

/**
 * The JSON text stored in `raw` for a transaction whose `date` and `createdAt` columns hold `date` and
 * `createdAt` (canonical ISO): a folded timestamp is left out only when the column holds its exact text.
 * `asVersion70` gives what migration 70 stored, before money had columns of its own (migration 80 reads
 * `amountInAccountCurrency` and `balance` from there): `amount` folded, the other money fields kept.
 */
export function rawRemainder(
  t: Transaction,
  date: string,
  createdAt: string | null,
  asVersion70 = false,
): string {
  const out = withoutNulls(
    t as unknown as JsonObject,
    (key, v) =>
      FOLDED.has(key) ||
      (asVersion70 ? key === 'amount' : MONEY.has(key) && typeof v === 'number' && isWholeCentavos(v)) ||
      (key === 'date' && v === date) ||
      (key === 'createdAt' && v === createdAt),
  );
  return JSON.stringify(out);
}

/** Pluggy's object as last received (without its nulls), from a row's columns and its `raw` remainder. */
export function restoreTransaction(columns: FoldedColumns, raw: string): JsonObject {
  const restored: JsonObject = {
    id: columns.id,
    accountId: columns.accountId,
    date: columns.date,
    description: columns.description,
    type: columns.type,
    amount: fromCentavos(columns.amount),
    status: columns.status,
  };
  if (columns.amountInAccountCurrency !== null)
    restored.amountInAccountCurrency = fromCentavos(columns.amountInAccountCurrency);
  if (columns.balance !== null) restored.balance = fromCentavos(columns.balance);
  if (columns.currencyCode !== null) restored.currencyCode = columns.currencyCode;
  if (columns.category !== null) restored.category = columns.category;
  if (columns.pluggyCreatedAt !== null) restored.createdAt = columns.pluggyCreatedAt;
  // A timestamp that was not canonical when received is in the remainder, verbatim, and wins.
  return { ...restored, ...(JSON.parse(raw) as JsonObject) };
}
