// Edits follow a row Pluggy re-creates under a new id (a pending card purchase deleted and posted anew).
//
// The match is what the person would call "the same purchase": same account, direction, amount and
// description, dated within a few days (the posted date may move past the pending one). Either order is
// handled: a sync inserts the new row before it marks the old one removed, a `transactions/deleted`
// webhook marks the old one before the next sync brings the new one. Both run inside the write's transaction.
import type { Db } from '../db';
import { prepared } from '../prepared';
import { sortKeyFloor } from '../transactions/sort-key';
import { getEdit, writeEdit, type TransactionEdit } from './edits';
import { appendHistory, type ChangeSource } from './history';

const DAY_MS = 86_400_000;
/** How far apart the re-created row's date may be. */
export const FOLLOW_WITHIN_DAYS = 5;

interface Candidate {
  id: string;
  accountId: string;
  date: string;
  amount: number;
  type: string;
  description: string;
}

const sameText = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

function matches(a: Candidate, b: Candidate): boolean {
  return (
    a.id !== b.id &&
    a.accountId === b.accountId &&
    a.amount === b.amount &&
    a.type === b.type &&
    sameText(a.description, b.description) &&
    Math.abs(Date.parse(a.date) - Date.parse(b.date)) <= FOLLOW_WITHIN_DAYS * DAY_MS
  );
}

const dayOf = (iso: string, plusDays: number) =>
  new Date(Date.parse(iso) + plusDays * DAY_MS).toISOString().slice(0, 10);

const CANDIDATE_COLUMNS = 't.id, t.account_id AS accountId, t.date, t.amount, t.type, t.description';

// Removed rows come from their own partial index (migration 60), named: few, and only those with edits matter.
// Left to itself the planner walked every row of the accounts by transactions_by_account on each page, which
// took a 1M-row fill from 21k down to 6k rows/s.
const REMOVED_WITH_EDITS_SQL = `SELECT ${CANDIDATE_COLUMNS} FROM transactions t INDEXED BY transactions_removed
  WHERE t.removed_at IS NOT NULL
  AND t.account_id IN (SELECT value FROM json_each(?))
  AND EXISTS (SELECT 1 FROM transaction_edits e WHERE e.transaction_id = t.id)`;

// Live rows of one account around a date: a range of the table's key, which starts with the date.
const LIVE_AROUND_SQL = `SELECT ${CANDIDATE_COLUMNS} FROM transactions t WHERE t.sort_key >= ? AND t.sort_key < ?
  AND t.account_id = ? AND t.removed_at IS NULL AND t.amount = ?`;

function moveEdit(db: Db, from: Candidate, to: Candidate, source: ChangeSource, at: string): void {
  const edit = getEdit(db, from.id);
  if (!edit) return;
  const existing = getEdit(db, to.id);
  // The person's own choices win over whatever a rule gave the new row at insert.
  const moved: TransactionEdit = {
    ...edit,
    transactionId: to.id,
    tags: [...new Set([...(existing?.tags ?? []), ...edit.tags])],
    updatedAt: at,
  };
  writeEdit(db, moved);
  prepared(db, 'DELETE FROM transaction_edits WHERE transaction_id = ?').run(from.id);
  appendHistory(db, to.id, 'followed', source, at, { fromId: from.id });
}

/** After rows were inserted: a removed row with edits that they re-create hands its edits over. */
export function followEditsToInserted(
  db: Db,
  inserted: readonly Candidate[],
  source: ChangeSource,
  at: string,
): number {
  if (inserted.length === 0) return 0;
  const accounts = [...new Set(inserted.map((r) => r.accountId))];
  const orphans = prepared(db, REMOVED_WITH_EDITS_SQL).all(JSON.stringify(accounts)) as Candidate[];
  let moved = 0;
  for (const old of orphans) {
    const target = nearest(
      old,
      inserted.filter((row) => matches(old, row) && !hasPersonEdit(db, row.id)),
    );
    if (target) {
      moveEdit(db, old, target, source, at);
      moved++;
    }
  }
  return moved;
}

/** After rows were marked removed: edits of each go to the live row that re-creates it, if one is stored. */
export function followEditsFromRemoved(
  db: Db,
  ids: readonly string[],
  source: ChangeSource,
  at: string,
): number {
  let moved = 0;
  for (const id of ids) {
    if (getEdit(db, id) === null) continue;
    const old = prepared(db, `SELECT ${CANDIDATE_COLUMNS} FROM transactions t WHERE t.id = ?`).get(id) as
      Candidate | undefined;
    if (!old) continue;
    const around = prepared(db, LIVE_AROUND_SQL).all(
      sortKeyFloor(dayOf(old.date, -FOLLOW_WITHIN_DAYS)),
      sortKeyFloor(dayOf(old.date, FOLLOW_WITHIN_DAYS + 1)),
      old.accountId,
      old.amount,
    ) as Candidate[];
    const target = nearest(
      old,
      around.filter((row) => matches(old, row) && !hasPersonEdit(db, row.id)),
    );
    if (target) {
      moveEdit(db, old, target, source, at);
      moved++;
    }
  }
  return moved;
}

/** A row the person already edited keeps its own edits; one only a rule touched may take the person's. */
function hasPersonEdit(db: Db, id: string): boolean {
  const edit = getEdit(db, id);
  if (!edit) return false;
  return (
    (edit.category !== null && edit.categoryRuleId === null) ||
    edit.note !== null ||
    (edit.ignored && edit.ignoredRuleId === null)
  );
}

function nearest(old: Candidate, rows: readonly Candidate[]): Candidate | undefined {
  const gap = (r: Candidate) => Math.abs(Date.parse(r.date) - Date.parse(old.date));
  return [...rows].sort((a, b) => gap(a) - gap(b) || a.id.localeCompare(b.id))[0];
}
