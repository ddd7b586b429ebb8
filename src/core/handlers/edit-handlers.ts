// Handlers of the person's layer: a transaction's detail and edits, its history, rules and their preview.
import type { RuleSuggestion, RuleView, TransactionDetail } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/append';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../router/router';
import {
  addRule,
  applyEdit,
  applyPlans,
  flattenPlans,
  getAccount,
  getConnection,
  getEdit,
  getOwnMove,
  getRule,
  getTransaction,
  listRules,
  moveRule,
  planRules,
  removeRule,
  rowHistory,
  updateRule,
  type Rule,
} from '../store';
import type { Db } from '../store/db';
import { maskNumber, transactionView } from './money-handlers';
import { suggestRule } from './rule-suggestion';
import { ownMoveView } from '../transfers/move-views';

type EditHandlers = Pick<
  Handlers,
  | 'transactions.detail'
  | 'transactions.edit'
  | 'transactions.tags'
  | 'rules.list'
  | 'rules.add'
  | 'rules.update'
  | 'rules.move'
  | 'rules.remove'
  | 'rules.preview'
  | 'rules.apply'
>;

const ruleView = (r: Rule): RuleView => ({ ...r });

function findRule(db: Db, id: number | null): RuleView | null {
  if (id === null) return null;
  return listRules(db).find((r) => r.id === id) ?? null;
}

export function transactionDetail(db: Db, id: string): TransactionDetail {
  const t = getTransaction(db, id);
  if (!t) throw new AppError('not_found', 'No such transaction.', { details: { transactionId: id } });
  const account = getAccount(db, t.accountId);
  const connection = account ? getConnection(db, account.connectionId) : null;
  const edit = getEdit(db, id);
  const move = getOwnMove(db, id);
  return {
    transaction: transactionView(t, edit, move ? ownMoveView(db, move) : null),
    bank: {
      bankName: connection?.connectorName ?? '',
      accountName: account?.marketingName ?? account?.name ?? '',
      accountType: account?.type ?? '',
      accountNumberMasked: maskNumber(account?.number ?? null),
      descriptionRaw: t.descriptionRaw,
      categoryId: t.categoryId,
      operationType: t.operationType,
      merchantCnpj: t.merchantCnpj,
      merchantCategory: t.merchantCategory,
      cardNumberMasked: maskNumber(t.cardNumber),
      billId: t.billId,
      balance: t.balance,
      pluggyCreatedAt: t.pluggyCreatedAt,
      pluggyUpdatedAt: t.pluggyUpdatedAt,
      firstSeenAt: t.firstSeenAt,
      lastSeenAt: t.lastSeenAt,
    },
    categoryRule: findRule(db, edit?.categoryRuleId ?? null),
    ignoredRule: findRule(db, edit?.ignoredRuleId ?? null),
    history: rowHistory(db, id),
  };
}

const TAGS_SQL = `SELECT DISTINCT j.value FROM transaction_edits e, json_each(e.tags) j ORDER BY j.value`;

export function editHandlers(ctx: CoreContext): EditHandlers {
  const now = () => new Date(ctx.clock.now()).toISOString();
  const preview = (db: Db, rules: Parameters<typeof planRules>[1], limit: number, write: boolean) => {
    const plans = planRules(db, rules);
    if (write) applyPlans(db, plans, now());
    const changes = flattenPlans(plans);
    return { rows: plans.length, changes: changes.slice(0, limit), truncated: changes.length > limit };
  };
  const rulesOf = (db: Db, target: { ruleId: number } | { all: true }) =>
    'ruleId' in target ? [getRule(db, target.ruleId)] : listRules(db);

  return {
    'transactions.detail': ({ id }) => transactionDetail(ctx.db(), id),
    'transactions.edit': ({ id, patch }) => {
      const db = ctx.db();
      const at = now();
      const changed = db.transaction(() => {
        const fields = applyEdit(db, id, patch, { actor: 'person' }, at);
        if (fields.length > 0) {
          appendAudit(db, {
            actor: 'user',
            action: 'transactions.edited',
            outcome: 'success',
            at,
            details: { transactionId: id, fields },
          });
        }
        return fields;
      })();
      const suggestion: RuleSuggestion | null =
        changed.includes('category') && patch.category ? suggestRule(db, id, patch.category.trim()) : null;
      return { detail: transactionDetail(db, id), changed, suggestion };
    },
    'transactions.tags': () => ctx.db().prepare(TAGS_SQL).pluck().all() as string[],
    'rules.list': () => listRules(ctx.db()).map(ruleView),
    'rules.add': ({ rule, position }) => {
      const db = ctx.db();
      const added = addRule(db, rule, now(), position);
      appendAudit(db, {
        actor: 'user',
        action: 'rules.added',
        outcome: 'success',
        details: { ruleId: added.id },
      });
      return ruleView(added);
    },
    'rules.update': ({ id, rule }) => ruleView(updateRule(ctx.db(), id, rule, now())),
    'rules.move': ({ id, position }) => moveRule(ctx.db(), id, position, now()).map(ruleView),
    'rules.remove': ({ id }) => {
      const db = ctx.db();
      removeRule(db, id);
      appendAudit(db, {
        actor: 'user',
        action: 'rules.removed',
        outcome: 'success',
        details: { ruleId: id },
      });
      return { removed: true as const };
    },
    'rules.preview': ({ target, limit }) => {
      const db = ctx.db();
      if ('rule' in target) {
        // A rule not saved yet: planned under a placeholder id, so the preview says what it would do alone.
        const draft: Rule = { ...target.rule, id: 0, position: 0, createdAt: '', updatedAt: '' };
        return preview(db, [draft], limit, false);
      }
      return preview(db, rulesOf(db, target), limit, false);
    },
    'rules.apply': ({ target, limit }) => {
      const db = ctx.db();
      const result = preview(db, rulesOf(db, target), limit, true);
      appendAudit(db, {
        actor: 'user',
        action: 'rules.applied',
        outcome: 'success',
        details: { ...('ruleId' in target ? { ruleId: target.ruleId } : { all: true }), rows: result.rows },
      });
      return result;
    },
  };
}
