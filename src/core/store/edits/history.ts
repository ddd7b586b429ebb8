// A history for every row: what the bank, a sync, the person or a rule changed, written with the change.
import type { Db } from '../db';
import { prepared } from '../prepared';

export type HistoryKind =
  | 'created'
  | 'posted'
  | 'status_changed'
  | 'amount_changed'
  | 'description_changed'
  | 'date_changed'
  | 'removed'
  | 'restored'
  | 'edited'
  | 'followed';

export type HistoryActor = 'sync' | 'webhook' | 'person' | 'rule';

/** Who made a change: a sync run (its id), a webhook, the person, or a rule (its id). */
export interface ChangeSource {
  actor: HistoryActor;
  runId?: number | null;
  ruleId?: number | null;
}

export interface HistoryEntry {
  /** 0 for the creation, which is read from the row itself. */
  id: number;
  transactionId: string;
  at: string;
  kind: HistoryKind;
  actor: HistoryActor;
  runId: number | null;
  /** When the sync run that made the change started (how the person knows a run), null without one. */
  runAt: string | null;
  ruleId: number | null;
  /** For a change: `{ field, from, to }` (money in centavos); for `followed`: `{ fromId }`. */
  details: Record<string, unknown>;
}

const INSERT_SQL = `INSERT INTO transaction_history (transaction_id, at, kind, actor, run_id, rule_id, details)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

/** One line of a row's history; call it inside the transaction that makes the change. */
export function appendHistory(
  db: Db,
  transactionId: string,
  kind: HistoryKind,
  source: ChangeSource,
  at: string,
  details: Record<string, unknown> = {},
): void {
  prepared(db, INSERT_SQL).run(
    transactionId,
    at,
    kind,
    source.actor,
    source.runId ?? null,
    source.ruleId ?? null,
    Object.keys(details).length > 0 ? JSON.stringify(details) : null,
  );
}

type HistoryRow = Omit<HistoryEntry, 'details'> & { details: string | null };

const LIST_SQL = `SELECT h.id, h.transaction_id AS transactionId, h.at, h.kind, h.actor, h.run_id AS runId,
  r.started_at AS runAt, h.rule_id AS ruleId, h.details FROM transaction_history h
  LEFT JOIN sync_runs r ON r.id = h.run_id WHERE h.transaction_id = ? ORDER BY h.id`;

const CREATED_SQL = `SELECT t.id AS transactionId, t.first_seen_at AS at, t.created_run_id AS runId,
  r.started_at AS runAt FROM transactions t LEFT JOIN sync_runs r ON r.id = t.created_run_id WHERE t.id = ?`;

/** How many re-creations back a history follows (a row re-created under a new id carries its past along). */
const MAX_PREDECESSORS = 20;

function ownHistory(db: Db, transactionId: string): HistoryEntry[] {
  const created = prepared(db, CREATED_SQL).get(transactionId) as
    { transactionId: string; at: string; runId: number | null; runAt: string | null } | undefined;
  const entries: HistoryEntry[] = created
    ? [
        {
          id: 0,
          transactionId,
          at: created.at,
          kind: 'created',
          actor: 'sync',
          runId: created.runId,
          runAt: created.runAt,
          ruleId: null,
          details: {},
        },
      ]
    : [];
  for (const row of prepared(db, LIST_SQL).all(transactionId) as HistoryRow[]) {
    entries.push({
      ...row,
      details: row.details === null ? {} : (JSON.parse(row.details) as Record<string, unknown>),
    });
  }
  return entries;
}

/**
 * A row's history, oldest first, including the rows it replaced: a pending purchase Pluggy re-created
 * posted under a new id shows its life as the pending row first.
 */
export function rowHistory(db: Db, transactionId: string): HistoryEntry[] {
  const chain: HistoryEntry[][] = [];
  let id: string | null = transactionId;
  const visited = new Set<string>();
  while (id !== null && !visited.has(id) && chain.length <= MAX_PREDECESSORS) {
    visited.add(id);
    const own = ownHistory(db, id);
    chain.unshift(own);
    const followed = own.find((e) => e.kind === 'followed');
    const from = followed?.details['fromId'];
    id = typeof from === 'string' ? from : null;
  }
  return chain.flat();
}
