// What a card owes as its bills say: the open fatura's running total plus what is left to pay on its last
// closed bill (an older bill's remainder the bank carried into a later one, so it is not counted again).
import { billMonthOf, openBillMonth } from './bill-cycle';
import { billsOf } from './bills';
import type { AccountLedger } from './ledger';

/** Reais owed on a card account at the bank's last update (Pluggy's CREDIT `balance`); 0 for other accounts. */
export function owedByBills(ledger: AccountLedger): number {
  const r = ledger.record;
  if (r.kind !== 'card') return 0;
  const open = openBillMonth(r, r.updatedAtMs);
  let openCents = 0;
  for (const tx of ledger.all()) {
    if (billMonthOf(r, Date.parse(tx.date)) !== open) continue;
    openCents += Math.round((tx.amountInAccountCurrency ?? tx.amount) * 100);
  }
  const last = billsOf(ledger).at(-1);
  const paidCents = (last?.payments ?? []).reduce((s, p) => s + Math.round(p.amount * 100), 0);
  const leftCents = last ? Math.max(0, Math.round(last.totalAmount * 100) - paidCents) : 0;
  return (openCents + leftCents) / 100;
}
