// Offers a rule when the person gave the same merchant the same category a second time.
import type { RuleSuggestion } from '../../shared/contract';
import { foldText, listRules, ruleMatches, type RuleRow } from '../store';
import type { Db } from '../store/db';
import { prepared } from '../store/prepared';

/** How many of the person's own recategorisations of one merchant make a rule worth offering. */
const SUGGEST_AFTER = 2;

interface Named {
  id: string;
  merchantName: string | null;
  counterpartyName: string | null;
  description: string;
}

/** The merchant a row is "from": Pluggy's merchant, else the Pix/TED counterparty, else the description. */
function merchantOf(row: Named): { field: RuleSuggestion['matchField']; text: string } {
  if (row.merchantName) return { field: 'merchant', text: row.merchantName };
  if (row.counterpartyName) return { field: 'counterparty', text: row.counterpartyName };
  return { field: 'description', text: row.description };
}

const ROW_SQL = `SELECT t.id, t.account_id AS accountId, t.date, t.description, t.merchant_name AS merchantName,
  t.counterparty_name AS counterpartyName, t.type, abs(coalesce(t.amount_in_account_currency, t.amount)) AS absAmount
  FROM transactions t WHERE t.id = ?`;

// The person's own categories (no rule's), on rows of the same merchant.
const SAME_SQL = `SELECT t.id, t.description, t.merchant_name AS merchantName, t.counterparty_name AS counterpartyName
  FROM transaction_edits e JOIN transactions t ON t.id = e.transaction_id
  WHERE e.category = ? AND e.category_rule_id IS NULL`;

export function suggestRule(db: Db, transactionId: string, category: string): RuleSuggestion | null {
  const row = prepared(db, ROW_SQL).get(transactionId) as (RuleRow & Named) | undefined;
  if (!row) return null;
  const merchant = merchantOf(row);
  const key = foldText(merchant.text);
  if (key === '') return null;
  const same = (prepared(db, SAME_SQL).all(category) as Named[]).filter((other) => {
    const m = merchantOf(other);
    return m.field === merchant.field && foldText(m.text) === key;
  });
  if (same.length < SUGGEST_AFTER) return null;
  // Already covered: a rule that matches this row and sets this category.
  if (listRules(db).some((r) => r.setCategory === category && ruleMatches(r, row))) return null;
  return { matchField: merchant.field, matchText: merchant.text, setCategory: category, rows: same.length };
}
