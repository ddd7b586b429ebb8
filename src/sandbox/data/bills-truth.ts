// The ground truth of an item's faturas: closed bills, each card's open bill and the parcelas committed ahead.
import type { Bill } from '../../shared/pluggy';
import { iso } from '../clock';
import { closingMs, dueMs, forecastOf, openBillMonth } from './bill-cycle';
import { billsOf } from './bills';
import { installmentsAhead } from './installment-series';
import type { AccountLedger } from './ledger';

export interface OpenBillTruth {
  accountId: string;
  /** `YYYY-MM`: what its transactions carry as `billForecastDate`. */
  billForecastDate: string;
  closingDate: string;
  dueDate: string;
}

export interface AheadTruth {
  accountId: string;
  /** `YYYY-MM` of the bill's due date. */
  month: string;
  cents: number;
}

export function billsTruth(ledgers: AccountLedger[]): {
  bills: Bill[];
  openBills: OpenBillTruth[];
  installmentsAhead: AheadTruth[];
} {
  const cards = ledgers.filter((l) => l.record.kind === 'card');
  return {
    bills: cards.flatMap((l) => billsOf(l)),
    openBills: cards.map((l) => {
      const r = l.record;
      const open = openBillMonth(r, r.updatedAtMs);
      return {
        accountId: r.id,
        billForecastDate: forecastOf(r, open),
        closingDate: iso(closingMs(r, open)),
        dueDate: iso(dueMs(r, open)),
      };
    }),
    installmentsAhead: cards.flatMap((l) =>
      [...installmentsAhead(l.record, l.record.updatedAtMs)].map(([month, cents]) => ({
        accountId: l.record.id,
        month,
        cents,
      })),
    ),
  };
}
