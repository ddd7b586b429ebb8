// The person's rules, in order: "when the description contains X (and…) → set a category / add a tag / ignore".
import { AppError } from '../../../shared/errors';
import { RuleInput, type RuleFields } from '../../../shared/contract/calls/edits';
import type { Db } from '../db';
import { prepared } from '../prepared';
import { parseInput } from '../parse-input';

export { RuleInput, type RuleFields };

export interface Rule extends RuleFields {
  id: number;
  /** 1 is applied first. */
  position: number;
  createdAt: string;
  updatedAt: string;
}

interface RuleRow extends Omit<Rule, 'setIgnored'> {
  setIgnored: number | null;
}

const COLUMNS = `id, position, match_field AS matchField, match_text AS matchText, account_id AS accountId,
  amount_min AS amountMin, amount_max AS amountMax, type, set_category AS setCategory, add_tag AS addTag,
  set_ignored AS setIgnored, created_at AS createdAt, updated_at AS updatedAt`;

const fromRow = (r: RuleRow): Rule => ({ ...r, setIgnored: r.setIgnored === 1 });

/** Every rule, in the order they apply. */
export function listRules(db: Db): Rule[] {
  return (prepared(db, `SELECT ${COLUMNS} FROM rules ORDER BY position, id`).all() as RuleRow[]).map(fromRow);
}

export function getRule(db: Db, id: number): Rule {
  const row = prepared(db, `SELECT ${COLUMNS} FROM rules WHERE id = ?`).get(id) as RuleRow | undefined;
  if (!row) throw new AppError('not_found', `There is no rule ${id}.`, { details: { ruleId: id } });
  return fromRow(row);
}

// The columns a rule's fields fill, in order, and their values.
const FIELD_COLUMNS = [
  'match_field',
  'match_text',
  'account_id',
  'amount_min',
  'amount_max',
  'type',
  'set_category',
  'add_tag',
  'set_ignored',
] as const;

const fieldValues = (r: RuleFields) => [
  r.matchField,
  r.matchText,
  r.accountId,
  r.amountMin,
  r.amountMax,
  r.type,
  r.setCategory,
  r.addTag,
  r.setIgnored ? 1 : 0,
];

const INSERT_SQL = `INSERT INTO rules (position, ${FIELD_COLUMNS.join(', ')}, created_at, updated_at)
  VALUES (?, ${FIELD_COLUMNS.map(() => '?').join(', ')}, ?, ?)`;
const UPDATE_SQL = `UPDATE rules SET ${FIELD_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;

/** Adds a rule at the end of the list (or at `position`, moving the others down); returns it. */
export function addRule(db: Db, input: RuleInput, at: string, position?: number): Rule {
  const r = parseInput(RuleInput, input, 'rule');
  return db.transaction(() => {
    const last = prepared(db, 'SELECT count(*) FROM rules').pluck().get() as number;
    const id = Number(prepared(db, INSERT_SQL).run(last + 1, ...fieldValues(r), at, at).lastInsertRowid);
    if (position !== undefined) moveRule(db, id, position, at);
    return getRule(db, id);
  })();
}

export function updateRule(db: Db, id: number, input: RuleInput, at: string): Rule {
  const r = parseInput(RuleInput, input, 'rule');
  return db.transaction(() => {
    getRule(db, id);
    prepared(db, UPDATE_SQL).run(...fieldValues(r), at, id);
    return getRule(db, id);
  })();
}

/** Removes a rule; the edits it made stay (they name the rule in their history). */
export function removeRule(db: Db, id: number): void {
  db.transaction(() => {
    getRule(db, id);
    prepared(db, 'DELETE FROM rules WHERE id = ?').run(id);
    renumber(
      db,
      listRules(db).map((r) => r.id),
    );
  })();
}

/** Puts a rule at `position` (1-based, clamped), the others keeping their order. */
export function moveRule(db: Db, id: number, position: number, at: string): Rule[] {
  return db.transaction(() => {
    getRule(db, id);
    const ids = listRules(db)
      .map((r) => r.id)
      .filter((other) => other !== id);
    const index = Math.max(0, Math.min(ids.length, Math.floor(position) - 1));
    ids.splice(index, 0, id);
    renumber(db, ids);
    prepared(db, 'UPDATE rules SET updated_at = ? WHERE id = ?').run(at, id);
    return listRules(db);
  })();
}

function renumber(db: Db, ids: readonly number[]): void {
  const stmt = prepared(db, 'UPDATE rules SET position = ? WHERE id = ?');
  ids.forEach((ruleId, i) => stmt.run(i + 1, ruleId));
}
