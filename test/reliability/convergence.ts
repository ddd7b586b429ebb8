// Compares what the DB stored for an item with the sandbox's ground truth: missing, extra, unmarked removals.
import type { Db } from '../../src/core/store';
import type { Account, Transaction } from '../../src/shared/pluggy';
import { toCentavos } from '../../src/shared/money';

export interface Truth {
  accounts: Account[];
  transactions: Transaction[];
}

export interface Convergence {
  /** Rows Pluggy has that the DB has not (live): rows lost. */
  missing: number;
  /** Live rows the DB has that Pluggy has not: duplicates, or removals not marked. */
  extra: number;
  /** Live rows whose amount or status differ from Pluggy's. */
  stale: number;
  /** Rows stored once but gone at Pluggy, kept and marked removed (history, not loss). */
  removedMarked: number;
  /** Rows Pluggy still has that the DB marked removed: a live row taken for deleted. */
  liveMarkedRemoved: number;
  accountsMissing: number;
  truthRows: number;
}

export async function fetchTruth(baseUrl: string, itemId: string): Promise<Truth> {
  const res = await fetch(`${baseUrl}/__sandbox/truth?itemId=${encodeURIComponent(itemId)}`);
  if (!res.ok) throw new Error(`truth ${itemId}: ${res.status}`);
  return (await res.json()) as Truth;
}

export function compareWithTruth(db: Db, itemId: string, truth: Truth): Convergence {
  const rows = db
    .prepare(
      `SELECT t.id, t.amount, t.status, t.removed_at AS removedAt FROM transactions t
       JOIN accounts a ON a.id = t.account_id WHERE a.connection_id = ?`,
    )
    .all(itemId) as { id: string; amount: number; status: string; removedAt: string | null }[];
  const live = new Map(rows.filter((r) => r.removedAt === null).map((r) => [r.id, r]));
  const truthIds = new Set(truth.transactions.map((t) => t.id));
  let missing = 0;
  let stale = 0;
  for (const t of truth.transactions) {
    const row = live.get(t.id);
    if (!row) missing++;
    else if (row.amount !== toCentavos(t.amount) || row.status !== (t.status ?? 'POSTED')) stale++;
  }
  const extra = [...live.keys()].filter((id) => !truthIds.has(id)).length;
  const removedMarked = rows.filter((r) => r.removedAt !== null && !truthIds.has(r.id)).length;
  const liveMarkedRemoved = rows.filter((r) => r.removedAt !== null && truthIds.has(r.id)).length;
  const accountIds = new Set(
    db.prepare('SELECT id FROM accounts WHERE connection_id = ? AND removed_at IS NULL').pluck().all(itemId),
  );
  const accountsMissing = truth.accounts.filter((a) => !accountIds.has(a.id)).length;
  return {
    missing,
    extra,
    stale,
    removedMarked,
    liveMarkedRemoved,
    accountsMissing,
    truthRows: truth.transactions.length,
  };
}
