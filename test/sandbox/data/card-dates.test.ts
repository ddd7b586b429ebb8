// A card's rows are dated 03:00Z of Brasília's day: between 00:00Z and 03:00Z that is the day before, never a
// row dated after the bank's "now" (its balance already counts the row; Cofre's ledger check saw a gap).
import { describe, expect, it } from 'vitest';
import { createAccounts, evolve } from '../../../src/sandbox/data/evolve';
import { AccountLedger } from '../../../src/sandbox/data/ledger';
import type { Transaction } from '../../../src/shared/pluggy';

const plan = { kinds: ['checking', 'card'] as const, transactionsPerAccount: 1_000, multiplier: 1 };

function ledgersAt(nowMs: number): AccountLedger[] {
  return createAccounts('card-dates', 'item-1', { ...plan, kinds: [...plan.kinds] }, nowMs).map(
    (record) => new AccountLedger(record),
  );
}

// Parcelas Pluggy lists ahead of their day are the one kind of row dated in the future.
const isParcelaAhead = (t: Transaction) =>
  t.status === 'PENDING' && (t.creditCardMetadata?.totalInstallments ?? 1) > 1;

describe("the sandbox's dates around midnight UTC", () => {
  for (const time of ['00:10', '01:16', '02:59', '03:00', '12:00', '23:50']) {
    it(`dates no row after now at ${time}Z, at creation and in the next syncs' new rows`, () => {
      const nowMs = Date.parse(`2026-12-06T${time}:00.000Z`);
      for (const ledger of ledgersAt(nowMs)) {
        const late = [...ledger.all()].filter((t) => !isParcelaAhead(t) && Date.parse(t.date) > nowMs);
        expect(late.map((t) => t.date)).toEqual([]);
        // Syncs a minute apart: each one's new rows fall between the last row's day and now.
        for (let generation = 1; generation <= 5; generation++) {
          const later = nowMs + generation * 60_000;
          const created = evolve(ledger, generation, later).created.filter((t) => !isParcelaAhead(t));
          expect(created.filter((t) => Date.parse(t.date) > later).map((t) => t.date)).toEqual([]);
          if (ledger.record.kind === 'card') {
            for (const t of created) expect(t.date.slice(10)).toBe('T03:00:00.000Z');
          }
        }
      }
    });
  }
});
