// The ledger check: does each account's balance move exactly as much as its stored transactions say?
//
// At each successful sync Cofre records the balance B and the signed sum S of the stored transactions dated
// up to then. With nothing missing, B − S stays what it was at the first snapshot (the balance before the
// first stored transaction): balance now − sum since a point = balance then. A change of B − S is money the
// balance moved by that no stored transaction explains (or the reverse): a gap, dated between the two
// snapshots where it appeared. The latest point uses the transactions stored now, so a row lost since the
// last sync shows at once, and a re-sync that brings the missing row back closes the gap.
import type { Db } from '../store/db';
import { prepared } from '../store/prepared';
import { listSnapshots, storedSum, type BalanceSnapshot } from './balance-snapshots';

export interface LedgerRun {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  outcome: string;
}

export interface LedgerGap {
  /** Centavos the stored transactions lack to explain the balance: > 0 money in missing, < 0 money out. */
  amount: number;
  from: string;
  /** null: since the last sync (something changed in what Cofre stored after it). */
  to: string | null;
  runs: LedgerRun[];
}

export interface LedgerCheck {
  accountId: string;
  status: 'ok' | 'gap' | 'unchecked';
  snapshots: number;
  checkedFrom: string | null;
  gap: LedgerGap | null;
}

const offset = (s: BalanceSnapshot): number => s.balance - s.storedSum;

function runsBetween(db: Db, accountId: string, from: string, to: string | null): LedgerRun[] {
  return prepared(
    db,
    `SELECT r.id, r.started_at AS startedAt, r.finished_at AS finishedAt, r.outcome
     FROM sync_runs r JOIN accounts a ON a.connection_id = r.connection_id
     WHERE a.id = ? AND coalesce(r.finished_at, r.started_at) >= ? AND r.started_at <= ?
     ORDER BY r.id`,
  ).all(accountId, from, to ?? '9999') as LedgerRun[];
}

export function checkAccountLedger(db: Db, accountId: string): LedgerCheck {
  const snapshots = listSnapshots(db, accountId);
  const first = snapshots[0];
  const last = snapshots[snapshots.length - 1];
  if (!first || !last) {
    return { accountId, status: 'unchecked', snapshots: 0, checkedFrom: null, gap: null };
  }
  const base = offset(first);
  const now = last.balance - storedSum(db, accountId, last.at).sum;
  const result = { accountId, snapshots: snapshots.length, checkedFrom: first.at };
  if (now === base) return { ...result, status: 'ok', gap: null };
  let from: string;
  let to: string | null;
  if (offset(last) !== now) {
    // The stored rows changed since the last sync (a row lost or added by hand): since then.
    from = last.at;
    to = null;
  } else {
    // The gap appeared at the first snapshot from which the offset stayed what it is now.
    let k = snapshots.length - 1;
    while (k > 1 && offset(snapshots[k - 1]!) === now) k -= 1;
    from = snapshots[k - 1]!.at;
    to = snapshots[k]!.at;
  }
  return {
    ...result,
    status: 'gap',
    gap: { amount: now - base, from, to, runs: runsBetween(db, accountId, from, to) },
  };
}

export function checkLedgers(db: Db, accountIds?: readonly string[]): LedgerCheck[] {
  const ids =
    accountIds ??
    (prepared(db, 'SELECT id FROM accounts WHERE removed_at IS NULL ORDER BY id').pluck().all() as string[]);
  return ids.map((id) => checkAccountLedger(db, id));
}
