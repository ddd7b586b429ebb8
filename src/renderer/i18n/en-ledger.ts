// English for the ledger check: every key of pt-BR-ledger, checked by the type.
import type { ptBRLedger } from './pt-BR-ledger';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enLedger: Widen<typeof ptBRLedger> = {
  ledger: {
    title: 'Balance check',
    intro:
      'At every sync Cofre checks that the balance the bank reports moved by exactly what the transactions it received explain.',
    allOk_one: 'Balances add up: the account’s balance matches its stored transactions.',
    allOk_other: 'Balances add up: each of the {{count}} accounts’ balance matches its stored transactions.',
    othersOk_one: 'The other account adds up.',
    othersOk_other: 'The other {{count}} accounts add up.',
    unchecked_one: '{{count}} account is not checked yet: checking starts at the next completed sync.',
    unchecked_other: '{{count}} accounts are not checked yet: checking starts at the next completed sync.',
    noAccounts: 'No accounts to check yet.',
    gapBetween: '{{amount}} may be missing between {{from}} and {{to}}',
    gapOnDay: '{{amount}} may be missing on {{day}}, between {{from}} and {{to}}',
    gapAt: '{{amount}} may be missing on {{day}}, at {{time}}',
    gapSince: '{{amount}} may be missing since {{from}}',
    missingOut: 'A payment the bank counted in the balance did not come in its list of transactions.',
    missingIn: 'Money in that the bank counted in the balance did not come in its list of transactions.',
    missingSince: 'The stored transactions changed after the last sync; the next one should bring them back.',
    whatToDo: 'Sync again; if it stays, check the statement at your bank.',
    runs: 'Syncs in that period: {{list}}',
    runsMore_one: 'and {{count}} more',
    runsMore_other: 'and {{count}} more',
    noRuns: 'No sync covered the period.',
    run: '{{when}} ({{outcome}})',
  },
};
