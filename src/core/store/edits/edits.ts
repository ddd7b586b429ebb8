// The person's edits of one transaction (category, note, tags, ignore), kept apart from the bank's fields.
import { AppError } from '../../../shared/errors';
import type { Db } from '../db';
import { prepared } from '../prepared';
import { appendHistory, type ChangeSource } from './history';

export interface TransactionEdit {
  transactionId: string;
  /** The person's category (or a rule's); null keeps the bank's. */
  category: string | null;
  /** The rule that set `category`; null when the person did. */
  categoryRuleId: number | null;
  note: string | null;
  tags: string[];
  /** Left out of spending, totals and exports. */
  ignored: boolean;
  ignoredRuleId: number | null;
  updatedAt: string;
}

/** What a change sets; a field left out stays as it is. */
export interface EditPatch {
  category?: string | null;
  note?: string | null;
  tags?: string[];
  ignored?: boolean;
}

interface EditRow {
  transactionId: string;
  category: string | null;
  categoryRuleId: number | null;
  note: string | null;
  tags: string;
  ignored: number;
  ignoredRuleId: number | null;
  updatedAt: string;
}

const COLUMNS = `transaction_id AS transactionId, category, category_rule_id AS categoryRuleId, note, tags, ignored,
  ignored_rule_id AS ignoredRuleId, updated_at AS updatedAt`;

const fromRow = (r: EditRow): TransactionEdit => ({
  ...r,
  tags: JSON.parse(r.tags) as string[],
  ignored: r.ignored === 1,
});

export function getEdit(db: Db, transactionId: string): TransactionEdit | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM transaction_edits WHERE transaction_id = ?`).get(
    transactionId,
  ) as EditRow | undefined;
  return row ? fromRow(row) : null;
}

/** The edits of many rows at once (a page of the list), by transaction id. */
export function editsOf(db: Db, ids: readonly string[]): Map<string, TransactionEdit> {
  if (ids.length === 0) return new Map();
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM transaction_edits WHERE transaction_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as EditRow[];
  return new Map(rows.map((r) => [r.transactionId, fromRow(r)]));
}

const UPSERT_SQL = `INSERT INTO transaction_edits (transaction_id, category, category_rule_id, note, tags, ignored,
    ignored_rule_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (transaction_id) DO UPDATE SET category = excluded.category,
    category_rule_id = excluded.category_rule_id, note = excluded.note, tags = excluded.tags,
    ignored = excluded.ignored, ignored_rule_id = excluded.ignored_rule_id, updated_at = excluded.updated_at`;

export function writeEdit(db: Db, edit: TransactionEdit): void {
  prepared(db, UPSERT_SQL).run(
    edit.transactionId,
    edit.category,
    edit.categoryRuleId,
    edit.note,
    JSON.stringify(edit.tags),
    edit.ignored ? 1 : 0,
    edit.ignoredRuleId,
    edit.updatedAt,
  );
}

export const emptyEdit = (transactionId: string, at: string): TransactionEdit => ({
  transactionId,
  category: null,
  categoryRuleId: null,
  note: null,
  tags: [],
  ignored: false,
  ignoredRuleId: null,
  updatedAt: at,
});

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/** Tags as the person means them: trimmed, no blanks, no repeats, in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
}

/**
 * Applies a patch to a row's edits and writes one history line per field it changed, inside one transaction
 * with whatever the caller does; returns the changed fields. A rule's change names its rule.
 */
export function applyEdit(
  db: Db,
  transactionId: string,
  patch: EditPatch,
  source: ChangeSource,
  at: string,
): string[] {
  return db.transaction(() => {
    const exists = prepared(db, 'SELECT 1 FROM transactions WHERE id = ?').get(transactionId);
    if (!exists) throw new AppError('not_found', 'No such transaction.', { details: { transactionId } });
    const before = getEdit(db, transactionId) ?? emptyEdit(transactionId, at);
    const after: TransactionEdit = { ...before, updatedAt: at };
    const ruleId = source.actor === 'rule' ? (source.ruleId ?? null) : null;
    const changed: { field: string; from: unknown; to: unknown }[] = [];
    if (patch.category !== undefined) {
      const to = patch.category === null || patch.category.trim() === '' ? null : patch.category.trim();
      if (to !== before.category) changed.push({ field: 'category', from: before.category, to });
      after.category = to;
      after.categoryRuleId = to === null ? null : ruleId;
    }
    if (patch.note !== undefined) {
      const to = patch.note === null || patch.note.trim() === '' ? null : patch.note;
      if (to !== before.note) changed.push({ field: 'note', from: before.note, to });
      after.note = to;
    }
    if (patch.tags !== undefined) {
      const to = cleanTags(patch.tags);
      if (!sameTags(to, before.tags)) changed.push({ field: 'tags', from: before.tags, to });
      after.tags = to;
    }
    if (patch.ignored !== undefined) {
      if (patch.ignored !== before.ignored)
        changed.push({ field: 'ignored', from: before.ignored, to: patch.ignored });
      after.ignored = patch.ignored;
      after.ignoredRuleId = patch.ignored ? ruleId : null;
    }
    if (changed.length === 0) return [];
    writeEdit(db, after);
    for (const c of changed) appendHistory(db, transactionId, 'edited', source, at, c);
    return changed.map((c) => c.field);
  })();
}

// SQL on `t` (the transactions table) for what the person's edits change in the sums.
/** The category the person sees: theirs (or a rule's) when set, else the bank's. */
export const EFFECTIVE_CATEGORY = `coalesce((SELECT e.category FROM transaction_edits e
  WHERE e.transaction_id = t.id), t.category)`;
/** True for rows the person did not leave out of their reports. */
export const NOT_IGNORED = `NOT EXISTS (SELECT 1 FROM transaction_edits e WHERE e.transaction_id = t.id
  AND e.ignored = 1)`;
