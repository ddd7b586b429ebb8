// Parcelas ahead per coming fatura, per card and per purchase; PENDING parcelas already listed count once.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  faturaState,
  parcelasAhead,
  purchaseName,
  type ParcelaRow,
} from '../../../src/shared/bills';

const row = (over: Partial<ParcelaRow>): ParcelaRow => ({
  accountId: 'card-1',
  description: 'MAGAZINE LUIZA PARC 03/10',
  cents: 70_00,
  installmentNumber: 3,
  totalInstallments: 10,
  totalAmountCents: 700_00,
  purchaseDate: '2026-09-10T03:00:00.000Z',
  month: '2026-12',
  ...over,
});

describe('parcelas ahead', () => {
  it('projects the parcelas the bank does not list yet into the following faturas', () => {
    const ahead = parcelasAhead([row({})], new Map([['card-1', '2026-12']]));
    expect(ahead.total).toEqual(
      Array.from({ length: 7 }, (_, i) => ({ month: addMonths('2027-01', i), cents: 70_00 })),
    );
    expect(ahead.purchases).toEqual([
      expect.objectContaining({
        description: 'MAGAZINE LUIZA',
        current: 3,
        remaining: 7,
        remainingCents: 490_00,
      }),
    ]);
  });

  it('counts a PENDING parcela listed ahead once, and projects only after it', () => {
    const rows = [
      row({}),
      row({ installmentNumber: 4, description: 'MAGAZINE LUIZA PARC 04/10', month: '2027-01' }),
      row({ installmentNumber: 5, description: 'MAGAZINE LUIZA PARC 05/10', month: '2027-02' }),
    ];
    const ahead = parcelasAhead(rows, new Map([['card-1', '2026-12']]));
    expect(ahead.total.reduce((s, m) => s + m.cents, 0)).toBe(7 * 70_00);
    expect(ahead.total[0]).toEqual({ month: '2027-01', cents: 70_00 });
    expect(ahead.total).toHaveLength(7);
  });

  it('splits the rest of a purchase known only by its first parcela (which carries the odd centavos)', () => {
    const first = row({
      installmentNumber: 1,
      cents: 100_02,
      totalInstallments: 3,
      totalAmountCents: 300_02,
    });
    const ahead = parcelasAhead([first], new Map([['card-1', '2026-12']]));
    expect(ahead.total).toEqual([
      { month: '2027-01', cents: 100_00 },
      { month: '2027-02', cents: 100_00 },
    ]);
  });

  it('sums per card and in total, and leaves out purchases already paid off', () => {
    const rows = [
      row({}),
      row({ accountId: 'card-2', description: 'LOJA X 2/2', installmentNumber: 2, totalInstallments: 2 }),
      row({
        accountId: 'card-2',
        description: 'LOJA Y 1/2',
        installmentNumber: 1,
        totalInstallments: 2,
        cents: 50_00,
        totalAmountCents: 100_00,
      }),
    ];
    const ahead = parcelasAhead(
      rows,
      new Map([
        ['card-1', '2026-12'],
        ['card-2', '2026-12'],
      ]),
    );
    expect(ahead.byCard.find((c) => c.accountId === 'card-2')?.months).toEqual([
      { month: '2027-01', cents: 50_00 },
    ]);
    expect(ahead.total[0]).toEqual({ month: '2027-01', cents: 120_00 });
    expect(ahead.purchases.map((p) => p.description)).toEqual(['LOJA Y', 'MAGAZINE LUIZA']);
  });

  it('reads purchase names without their parcela marker', () => {
    expect(purchaseName('NETSHOES PARC 02/06')).toBe('NETSHOES');
    expect(purchaseName('Netshoes 2/6')).toBe('Netshoes');
    expect(purchaseName('AMAZON')).toBe('AMAZON');
  });
});

describe('fatura state', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  const base = { totalCents: 1000_00, paidCents: 0, closed: true, dueDate: '2026-12-10T00:00:00.000Z' };
  it('tells open, awaiting, paid, partly paid and unpaid apart', () => {
    expect(faturaState({ ...base, closed: false }, now)).toBe('open');
    expect(faturaState(base, now)).toBe('awaiting');
    expect(faturaState({ ...base, dueDate: '2026-11-10T00:00:00.000Z' }, now)).toBe('unpaid');
    expect(faturaState({ ...base, paidCents: 400_00 }, now)).toBe('partial');
    expect(faturaState({ ...base, paidCents: 1000_00 }, now)).toBe('paid');
    expect(faturaState({ ...base, totalCents: -5_00 }, now)).toBe('paid');
  });
});
