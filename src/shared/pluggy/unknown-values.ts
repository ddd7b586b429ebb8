// Values of Pluggy's enumerations that Cofre does not know yet: read as an "unknown" variant, never refused.
import type { z } from 'zod';
import {
  AccountSubtype,
  AccountType,
  EXECUTION_ERROR_CODES,
  EXECUTION_STATUSES,
  ITEM_STATUSES,
  TransactionStatus,
  TransactionType,
} from './enums';

/** One value outside its known set, named by where it sits (`item.status`, `transaction.status`, …). */
export interface UnknownValue {
  field: string;
  value: string;
}

const values = (e: z.ZodEnum) => e.options as readonly string[];

const check = (out: UnknownValue[], field: string, list: readonly string[], value: unknown): void => {
  if (typeof value === 'string' && !list.includes(value)) out.push({ field, value });
};

export function unknownItemValues(item: {
  status: string;
  executionStatus: string;
  error?: { code: string } | null | undefined;
}): UnknownValue[] {
  const out: UnknownValue[] = [];
  check(out, 'item.status', ITEM_STATUSES, item.status);
  check(out, 'item.executionStatus', EXECUTION_STATUSES, item.executionStatus);
  check(out, 'item.error.code', EXECUTION_ERROR_CODES, item.error?.code);
  return out;
}

export function unknownAccountValues(account: { type: string; subtype?: string | null }): UnknownValue[] {
  const out: UnknownValue[] = [];
  check(out, 'account.type', values(AccountType), account.type);
  check(out, 'account.subtype', values(AccountSubtype), account.subtype);
  return out;
}

export function unknownTransactionValues(tx: {
  type?: string | null;
  status?: string | null;
}): UnknownValue[] {
  const out: UnknownValue[] = [];
  check(out, 'transaction.type', values(TransactionType), tx.type);
  check(out, 'transaction.status', values(TransactionStatus), tx.status);
  return out;
}
