// How an account is named in lists and pickers: its link's name (nickname or bank), the account, its last digits.
import type { AccountView } from '../shared/contract';

/** "Conta da Maria · Conta corrente · •••• 1234". */
export function accountLabel(a: AccountView): string {
  return [a.connectionName, a.marketingName ?? a.name, a.numberMasked].filter(Boolean).join(' · ');
}
