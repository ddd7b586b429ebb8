// What counts as spending: money that left the person, not money moved between their own pockets.
//
// A card-bill payment is already counted as the card's purchases; a transfer between the person's own accounts
// and a move into or out of an investment change where the money is, not how much there is. Pluggy's category
// tree says which is which (03 Investments, 04 Same person transfer, 05100000 Credit card payment); a PIX or
// TED whose payer and receiver hold the same CPF/CNPJ is a transfer between own accounts whatever its category.
// Beyond what the bank says, Cofre's own detection (core/transfers) marks the two sides of a transfer between
// the person's accounts and a payment tied to its fatura, and leaves out the rows of an account whose copy under
// another link is the one counted.
import { IS_OWN_MOVE, ON_DROPPED_DUPLICATE } from '../transfers/duplicate-accounts';

/** Pluggy category ids (or their two-digit family) that are never spending. */
const NOT_SPENDING_ID_FAMILIES = ['03', '04'];
const NOT_SPENDING_IDS = ['05100000'];
/** The same by name, for rows Pluggy categorised without an id. */
const NOT_SPENDING_NAMES = ['Investments', 'Same person transfer', 'Credit card payment'];

const quoted = (list: readonly string[]) => list.map((v) => `'${v}'`).join(', ');

/** A SQL condition on `t` (the transactions table), true for rows that are spending or income. */
export const COUNTS_AS_SPENDING = `NOT (
  coalesce(substr(t.category_id, 1, 2) IN (${quoted(NOT_SPENDING_ID_FAMILIES)}), 0)
  OR coalesce(t.category_id IN (${quoted(NOT_SPENDING_IDS)}), 0)
  OR coalesce(t.category IN (${quoted(NOT_SPENDING_NAMES)}), 0)
  OR coalesce(t.category LIKE 'Same person transfer%', 0)
  OR coalesce(json_extract(t.raw, '$.paymentData.payer.documentNumber.value')
       = json_extract(t.raw, '$.paymentData.receiver.documentNumber.value'), 0)
  OR ${IS_OWN_MOVE}
  OR ${ON_DROPPED_DUPLICATE}
)`;

/** The same rule in JS, for rows already read (exports, tests). */
export function countsAsSpending(row: {
  category: string | null;
  categoryId: string | null;
  payerDocument?: string | null;
  receiverDocument?: string | null;
}): boolean {
  const id = row.categoryId ?? '';
  if (NOT_SPENDING_ID_FAMILIES.includes(id.slice(0, 2)) || NOT_SPENDING_IDS.includes(id)) return false;
  const name = row.category ?? '';
  if (NOT_SPENDING_NAMES.includes(name) || name.startsWith('Same person transfer')) return false;
  const payer = row.payerDocument ?? null;
  return payer === null || payer !== (row.receiverDocument ?? null);
}
