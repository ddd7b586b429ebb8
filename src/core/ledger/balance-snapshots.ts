// Records, at the end of each successful sync, each account's balance beside the sum of what Cofre stored.
import { signedBalance } from '../../shared/money';
import type { Db } from '../store/db';
import { prepared } from '../store/prepared';
import { FLOW } from '../store/transactions/aggregates';

export interface BalanceSnapshot {
  id: number;
  accountId: string;
  runId: number | null;
  at: string;
  /** Cofre's sign convention, centavos. */
  balance: number;
  storedSum: number;
  storedCount: number;
}

/** The signed sum and count of an account's live transactions dated up to `at`. */
export function storedSum(db: Db, accountId: string, at: string): { sum: number; count: number } {
  const row = prepared(
    db,
    `SELECT coalesce(sum(${FLOW}), 0) AS sum, count(*) AS count FROM transactions t
     WHERE t.account_id = ? AND t.removed_at IS NULL AND t.date <= ?`,
  ).get(accountId, at) as { sum: number; count: number };
  return row;
}

/** One snapshot per live account of the connection; inside the run's closing transaction. */
export function recordBalanceSnapshots(db: Db, connectionId: string, runId: number, at: string): number {
  const accounts = prepared(
    db,
    'SELECT id, type, balance FROM accounts WHERE connection_id = ? AND removed_at IS NULL',
  ).all(connectionId) as { id: string; type: string; balance: number }[];
  const insert = prepared(
    db,
    `INSERT INTO balance_snapshots (account_id, run_id, at, balance, stored_sum, stored_count)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const a of accounts) {
    const { sum, count } = storedSum(db, a.id, at);
    insert.run(a.id, runId, at, signedBalance(a.type, a.balance), sum, count);
  }
  return accounts.length;
}

export function listSnapshots(db: Db, accountId: string): BalanceSnapshot[] {
  return prepared(
    db,
    `SELECT id, account_id AS accountId, run_id AS runId, at, balance, stored_sum AS storedSum,
       stored_count AS storedCount FROM balance_snapshots WHERE account_id = ? ORDER BY id`,
  ).all(accountId) as BalanceSnapshot[];
}
