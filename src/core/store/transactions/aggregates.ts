// Chart data computed in SQL: spending by category for a month, and an account's balance day by day.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db';
import { prepared } from '../prepared';
import { DayString, nextDay } from './filter';
import { sortKeyFloor } from './sort-key';
import { parseInput } from '../parse-input';

// Direction comes from `type`, not from the sign of `amount`: Pluggy's sign convention differs between
// bank and card accounts (pluggy-api.md §6), while DEBIT is always money out and CREDIT money in.
const FLOW = `CASE WHEN t.type = 'DEBIT' THEN -abs(t.amount) ELSE abs(t.amount) END`;

export const SpendingRequest = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'),
  accountIds: z.array(z.string().min(1)).max(200).optional(),
});
export type SpendingRequest = z.infer<typeof SpendingRequest>;

export interface CategorySpending {
  category: string | null;
  outflow: number;
  inflow: number;
  count: number;
}

/** Money out and in per category over one calendar month (UTC days), biggest outflow first. */
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
    `SELECT t.category AS category,
       round(sum(CASE WHEN t.type = 'DEBIT' THEN abs(t.amount) ELSE 0 END), 2) AS outflow,
       round(sum(CASE WHEN t.type = 'DEBIT' THEN 0 ELSE abs(t.amount) END), 2) AS inflow,
       count(*) AS count
     FROM transactions t
     WHERE t.sort_key >= ? AND t.sort_key < ? AND t.removed_at IS NULL${accounts}
     GROUP BY t.category
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
  balance: number;
}

/**
 * The account's balance at the end of each day with movements in [from, to], walked back from the
 * stored current balance (for a card, the amount owed, which purchases raise).
 */
export function balanceOverTime(db: Db, request: BalanceRequest): BalancePoint[] {
  const { accountId, from, to } = parseInput(BalanceRequest, request, 'balance request');
  const account = prepared(db, 'SELECT balance, type FROM accounts WHERE id = ?').get(accountId) as
    { balance: number; type: string } | undefined;
  if (!account) throw new AppError('not_found', 'No such account.', { details: { accountId } });
  const sign = account.type === 'CREDIT' ? -1 : 1;
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
     SELECT day, round(? - ? * later, 2) AS balance FROM walked WHERE day < ? ORDER BY day`,
  ).all(accountId, sortKeyFloor(from), account.balance, sign, nextDay(to)) as BalancePoint[];
}
