// Runs the rules over rows: new rows at sync, stored rows on request, the preview computed exactly as applied.
//
// Rules apply in their order. The first matching rule with a category sets it, each matching rule adds its
// tag, the first with "ignore" sets it. A person's own category or ignore is never overridden by a rule.
import type { RuleFields } from '../../../shared/contract/calls/edits';
import type { Db } from '../db';
import { prepared } from '../prepared';
import { applyEdit, editsOf, emptyEdit, type EditPatch, type TransactionEdit } from './edits';
import { listRules, type Rule } from './rules';

/** What a rule looks at in a row. */
export interface RuleRow {
  id: string;
  accountId: string;
  date: string;
  description: string;
  merchantName: string | null;
  counterpartyName: string | null;
  type: string;
  /** Absolute centavos in the account's currency. */
  absAmount: number;
}

export interface PlannedChange {
  transactionId: string;
  date: string;
  description: string;
  /** Centavos with Cofre's sign, in the account's currency (a purchase abroad as the bill charges it). */
  amount: number;
  /** The bank's own category, shown beside what a rule would set. */
  bankCategory: string | null;
  ruleId: number;
  field: 'category' | 'tags' | 'ignored';
  from: unknown;
  to: unknown;
}

/** Case- and accent-blind text, so "padaria" finds "PADARIA SÃO JOÃO" and "sao joao" too. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

type MatchableRule = Pick<
  RuleFields,
  'matchField' | 'matchText' | 'accountId' | 'amountMin' | 'amountMax' | 'type'
>;

export function ruleMatches(rule: MatchableRule, row: RuleRow): boolean {
  if (rule.accountId !== null && rule.accountId !== row.accountId) return false;
  if (rule.type !== null && rule.type !== row.type) return false;
  if (rule.amountMin !== null && row.absAmount < rule.amountMin) return false;
  if (rule.amountMax !== null && row.absAmount > rule.amountMax) return false;
  const needle = foldText(rule.matchText);
  const fields =
    rule.matchField === 'description'
      ? [row.description]
      : rule.matchField === 'merchant'
        ? [row.merchantName]
        : rule.matchField === 'counterparty'
          ? [row.counterpartyName]
          : [row.description, row.merchantName, row.counterpartyName];
  return fields.some((f) => f !== null && foldText(f).includes(needle));
}

type PlannableRule = MatchableRule & Pick<Rule, 'id' | 'setCategory' | 'addTag' | 'setIgnored'>;

/** One rule's patch for a row given its edits so far; null when it changes nothing. */
function rulePatch(
  rule: PlannableRule,
  edit: TransactionEdit,
  categoryTaken: boolean,
): { patch: EditPatch; changes: Pick<PlannedChange, 'field' | 'from' | 'to'>[] } | null {
  const patch: EditPatch = {};
  const changes: Pick<PlannedChange, 'field' | 'from' | 'to'>[] = [];
  const personCategory = edit.category !== null && edit.categoryRuleId === null;
  if (rule.setCategory !== null && !categoryTaken && !personCategory && edit.category !== rule.setCategory) {
    patch.category = rule.setCategory;
    changes.push({ field: 'category', from: edit.category, to: rule.setCategory });
  }
  if (rule.addTag !== null && !edit.tags.includes(rule.addTag)) {
    patch.tags = [...edit.tags, rule.addTag];
    changes.push({ field: 'tags', from: edit.tags, to: patch.tags });
  }
  if (rule.setIgnored && !edit.ignored) {
    patch.ignored = true;
    changes.push({ field: 'ignored', from: false, to: true });
  }
  return changes.length > 0 ? { patch, changes } : null;
}

interface RowPlan {
  row: ScannedRow;
  steps: { ruleId: number; patch: EditPatch; changes: Pick<PlannedChange, 'field' | 'from' | 'to'>[] }[];
}

/** Every rule's steps for one row, in rule order, as `applyEdit` will then write them. */
function planRow(rules: readonly PlannableRule[], row: ScannedRow, start: TransactionEdit): RowPlan {
  let edit = start;
  let categoryTaken = false;
  const steps: RowPlan['steps'] = [];
  for (const rule of rules) {
    if (!ruleMatches(rule, row)) continue;
    const step = rulePatch(rule, edit, categoryTaken);
    if (rule.setCategory !== null) categoryTaken = true;
    if (!step) continue;
    steps.push({ ruleId: rule.id, ...step });
    edit = {
      ...edit,
      ...(step.patch.category !== undefined
        ? { category: step.patch.category, categoryRuleId: rule.id }
        : {}),
      ...(step.patch.tags !== undefined ? { tags: step.patch.tags } : {}),
      ...(step.patch.ignored !== undefined ? { ignored: true, ignoredRuleId: rule.id } : {}),
    };
  }
  return { row, steps };
}

const ROW_COLUMNS = `t.id, t.account_id AS accountId, t.date, t.description, t.merchant_name AS merchantName,
  t.counterparty_name AS counterpartyName, t.type,
  abs(coalesce(t.amount_in_account_currency, t.amount)) AS absAmount,
  CASE WHEN t.type = 'DEBIT' THEN -1 ELSE 1 END * abs(coalesce(t.amount_in_account_currency, t.amount)) AS amount,
  t.category AS bankCategory`;

type ScannedRow = RuleRow & { amount: number; bankCategory: string | null };

function plansFor(db: Db, rules: readonly PlannableRule[], rows: Iterable<ScannedRow>): RowPlan[] {
  const plans: RowPlan[] = [];
  const matching: ScannedRow[] = [];
  for (const row of rows) if (rules.some((r) => ruleMatches(r, row))) matching.push(row);
  const edits = editsOf(
    db,
    matching.map((r) => r.id),
  );
  for (const row of matching) {
    const plan = planRow(rules, row, edits.get(row.id) ?? emptyEdit(row.id, ''));
    if (plan.steps.length > 0) plans.push(plan);
  }
  return plans;
}

/** What the rules would change over every live stored row (read first, written by `applyPlans`). */
export function planRules(db: Db, rules: readonly PlannableRule[]): RowPlan[] {
  if (rules.length === 0) return [];
  const rows = prepared(
    db,
    `SELECT ${ROW_COLUMNS} FROM transactions t WHERE t.removed_at IS NULL ORDER BY t.sort_key DESC`,
  ).iterate() as IterableIterator<ScannedRow>;
  return plansFor(db, rules, rows);
}

export function flattenPlans(plans: readonly RowPlan[]): PlannedChange[] {
  return plans.flatMap((p) =>
    p.steps.flatMap((s) =>
      s.changes.map((c) => ({
        transactionId: p.row.id,
        date: p.row.date,
        description: p.row.description,
        amount: p.row.amount,
        bankCategory: p.row.bankCategory,
        ruleId: s.ruleId,
        ...c,
      })),
    ),
  );
}

/** Writes planned changes, each rule's with its own history line; in one transaction. */
export function applyPlans(db: Db, plans: readonly RowPlan[], at: string, runId: number | null = null): void {
  db.transaction(() => {
    for (const plan of plans) {
      for (const step of plan.steps) {
        applyEdit(db, plan.row.id, step.patch, { actor: 'rule', ruleId: step.ruleId, runId }, at);
      }
    }
  })();
}

/** At sync: the stored rules over rows just inserted, inside the page's transaction. */
export function applyRulesToNewRows(
  db: Db,
  ids: readonly string[],
  at: string,
  runId: number | null,
): number {
  if (ids.length === 0) return 0;
  const rules = listRules(db);
  if (rules.length === 0) return 0;
  const rows = prepared(
    db,
    `SELECT ${ROW_COLUMNS} FROM transactions t WHERE t.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as ScannedRow[];
  const plans = plansFor(db, rules, rows);
  applyPlans(db, plans, at, runId);
  return plans.length;
}
