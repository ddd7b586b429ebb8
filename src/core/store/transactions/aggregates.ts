// Money sums computed in SQL on integer centavos: spending by category, an account's balance day by day, totals.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { signedBalance } from '../../../shared/money';
import type { Db } from '../db';
import { prepared } from '../prepared';
import { DayString, TransactionFilter, nextDay } from './filter';
import { filterClause, flatWhere } from './query';
import { sortKeyFloor } from './sort-key';
import { parseInput } from '../parse-input';
import { COUNTS_AS_SPENDING } from './spending-rules';
import { EFFECTIVE_CATEGORY, NOT_IGNORED } from '../edits/edits';
import { ON_DROPPED_DUPLICATE } from '../transfers/duplicate-accounts';

// In the account's currency: a foreign purchase counts as what it cost in R$ (US$ 15.53 is R$ 88.52).
const ACCOUNT_AMOUNT = 'abs(coalesce(t.amount_in_account_currency, t.amount))';
// Direction comes from `type`, not from the sign of `amount`: Pluggy's sign convention differs between
// bank and card accounts (pluggy-api.md §6), while DEBIT is always money out and CREDIT money in. Every
// operand is an integer (centavos), so SQLite sums them exactly.
export const FLOW = `CASE WHEN t.type = 'DEBIT' THEN -${ACCOUNT_AMOUNT} ELSE ${ACCOUNT_AMOUNT} END`;
const OUTFLOW = `CASE WHEN t.type = 'DEBIT' THEN ${ACCOUNT_AMOUNT} ELSE 0 END`;
const INFLOW = `CASE WHEN t.type = 'DEBIT' THEN 0 ELSE ${ACCOUNT_AMOUNT} END`;

export const SpendingRequest = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'),
  accountIds: z.array(z.string().min(1)).max(200).optional(),
});
export type SpendingRequest = z.infer<typeof SpendingRequest>;

export interface CategorySpending {
  category: string | null;
  /** Centavos, positive. */
  outflow: number;
  /** Centavos, positive. */
  inflow: number;
  count: number;
}

/**
 * Money out and in per category over one calendar month (UTC days), biggest outflow first; card-bill
 * payments, transfers between own accounts and investment moves are not spending (spending-rules.ts).
 */
export function spendingByCategory(db: Db, request: SpendingRequest): CategorySpending[] {
  const { month, accountIds } = parseInput(SpendingRequest, request, 'spending request');
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01`;
  const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const params: unknown[] = [sortKeyFloor(from), sortKeyFloor(to)];
  let accounts = '';
  if (accountIds && accountIds.length > 0) {
    accounts = ` AND t.account_id IN (${accountIds.map(() => '?').join(', ')})`;
    params.push(...accountIds);
  }
  return prepared(
    db,
    `SELECT ${EFFECTIVE_CATEGORY} AS category,
       sum(${OUTFLOW}) AS outflow, sum(${INFLOW}) AS inflow, count(*) AS count
     FROM transactions t
     WHERE t.sort_key >= ? AND t.sort_key < ? AND t.removed_at IS NULL AND ${COUNTS_AS_SPENDING}
       AND ${NOT_IGNORED}${accounts}
     GROUP BY 1
     ORDER BY outflow DESC, category`,
  ).all(...params) as CategorySpending[];
}

export const BalanceRequest = z.object({
  accountId: z.string().min(1),
  from: DayString,
  to: DayString,
});
export type BalanceRequest = z.infer<typeof BalanceRequest>;

export interface BalancePoint {
  /** `YYYY-MM-DD`; the balance at the end of that day. */
  day: string;
  /** Centavos in Cofre's sign convention: a card's debt is negative. */
  balance: number;
}

/**
 * The account's balance at the end of each day with movements in [from, to], walked back from the
 * stored current balance. Balance and flows are both in Cofre's convention (money out negative, a card's
 * debt negative), so one walk serves every account type.
 */
export function balanceOverTime(db: Db, request: BalanceRequest): BalancePoint[] {
  const { accountId, from, to } = parseInput(BalanceRequest, request, 'balance request');
  const account = prepared(db, 'SELECT balance, type FROM accounts WHERE id = ?').get(accountId) as
    { balance: number; type: string } | undefined;
  if (!account) throw new AppError('not_found', 'No such account.', { details: { accountId } });
  return prepared(
    db,
    `WITH daily AS (
       SELECT substr(t.date, 1, 10) AS day, sum(${FLOW}) AS flow
       FROM transactions t
       WHERE t.account_id = ? AND t.sort_key >= ? AND t.removed_at IS NULL
       GROUP BY day
     ),
     walked AS (
       SELECT day, coalesce(sum(flow) OVER (ORDER BY day DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
         AS later
       FROM daily
     )
     SELECT day, ? - later AS balance FROM walked WHERE day < ? ORDER BY day`,
  ).all(
    accountId,
    sortKeyFloor(from),
    signedBalance(account.type, account.balance),
    nextDay(to),
  ) as BalancePoint[];
}

export interface TransactionTotals {
  /** Centavos in (positive), out (positive) and their difference, over the rows that count as spending. */
  inflow: number;
  outflow: number;
  net: number;
  /** Rows summed. */
  count: number;
  /** Matching rows left out: card-bill payments, transfers between own accounts, investment moves. */
  movedCount: number;
  /** Matching rows the person left out of their reports ("ignorar nos relatórios"). */
  ignoredCount: number;
  /** Matching rows of an account listed under two links whose other copy is the one counted. */
  copyCount: number;
}

/** Entradas, saídas and saldo of the transactions a filter matches, in the accounts' currency. */
export function transactionTotals(db: Db, filter: TransactionFilter = {}): TransactionTotals {
  const where = filterClause(parseInput(TransactionFilter, filter, 'transaction filter'), db);
  if (!where)
    return { inflow: 0, outflow: 0, net: 0, count: 0, movedCount: 0, ignoredCount: 0, copyCount: 0 };
  const { sql, params } = flatWhere(where);
  const row = prepared(
    db,
    `SELECT coalesce(sum(CASE WHEN s THEN ${INFLOW} END), 0) AS inflow,
       coalesce(sum(CASE WHEN s THEN ${OUTFLOW} END), 0) AS outflow,
       count(CASE WHEN s THEN 1 END) AS count,
       count(CASE WHEN NOT s AND NOT i AND NOT d THEN 1 END) AS movedCount,
       count(CASE WHEN i THEN 1 END) AS ignoredCount, count(CASE WHEN d AND NOT i THEN 1 END) AS copyCount
     FROM (SELECT t.type, t.amount, t.amount_in_account_currency, NOT ${NOT_IGNORED} AS i,
       ${ON_DROPPED_DUPLICATE} AS d,
       ${COUNTS_AS_SPENDING} AND ${NOT_IGNORED} AS s FROM transactions t WHERE ${sql}) t`,
  ).get(...params) as Omit<TransactionTotals, 'net'>;
  return { ...row, net: row.inflow - row.outflow };
}
