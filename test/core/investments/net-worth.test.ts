// The net worth line: contas + investimentos − faturas abertas − empréstimos, exact in centavos.
import { describe, expect, it } from 'vitest';
import { netWorth, type NetWorthInput } from '../../../src/core/investments/net-worth';
import { investmentGroup } from '../../../src/core/investments/views';

const none = { investments: [], loans: [] };
const base: NetWorthInput = {
  accounts: [
    { type: 'BANK', balance: 1_234_56, currencyCode: 'BRL' },
    { type: 'BANK', balance: -10_00, currencyCode: 'BRL' },
    { type: 'CREDIT', balance: 999_99, currencyCode: 'BRL' },
  ],
  investments: [
    { balance: 10_000_01, currencyCode: 'BRL' },
    { balance: 0, currencyCode: 'BRL' },
  ],
  loans: [
    { outstandingBalance: 5_000_00, currencyCode: 'BRL' },
    { outstandingBalance: null, currencyCode: 'BRL' },
  ],
  openBills: null,
  coverage: none,
};

describe('net worth', () => {
  it('adds accounts and investments, takes loans away, and leaves cards to their faturas', () => {
    const n = netWorth(base);
    expect(n).toMatchObject({
      accounts: 1_224_56,
      investments: 10_000_01,
      loans: -5_000_00,
      openBills: null,
    });
    expect(n.total).toBe(1_224_56 + 10_000_01 - 5_000_00);
  });

  it('takes open faturas away once they are read', () => {
    const n = netWorth({ ...base, openBills: [{ total: 1_840_00, currencyCode: 'BRL' }] });
    expect(n.openBills).toBe(-1_840_00);
    expect(n.total).toBe(1_224_56 + 10_000_01 - 5_000_00 - 1_840_00);
  });

  it('is exact over many sub-real amounts (no float drift)', () => {
    const investments = Array.from({ length: 1000 }, () => ({ balance: 10, currencyCode: 'BRL' }));
    expect(netWorth({ ...base, accounts: [], loans: [], investments }).total).toBe(10_000);
  });

  it('leaves other currencies out of the BRL sum and counts them', () => {
    const n = netWorth({ ...base, investments: [{ balance: 500_00, currencyCode: 'USD' }] });
    expect(n.investments).toBe(0);
    expect(n.foreignLeftOut).toBe(1);
  });

  it('names the banks whose products it could not count, not those read once and failed since', () => {
    const c = (
      bankName: string,
      state: 'read' | 'not_covered' | 'failed' | 'never_read',
      readAt: string | null,
    ) => ({
      connectionId: bankName,
      bankName,
      state,
      attemptedAt: null,
      readAt,
    });
    const n = netWorth({
      ...base,
      coverage: {
        investments: [c('Nubank', 'not_covered', null), c('Itaú', 'failed', '2026-12-01T00:00:00.000Z')],
        loans: [c('Nubank', 'not_covered', null), c('Inter', 'never_read', null), c('Itaú', 'read', 'x')],
      },
    });
    expect(n.notCounted).toEqual([
      { bankName: 'Nubank', product: 'investments', state: 'not_covered' },
      { bankName: 'Nubank', product: 'loans', state: 'not_covered' },
      { bankName: 'Inter', product: 'loans', state: 'never_read' },
    ]);
  });

  it('groups positions as a Brazilian expects, unknown types as other', () => {
    expect(investmentGroup('FIXED_INCOME', 'TREASURY')).toBe('treasury');
    expect(investmentGroup('FIXED_INCOME', 'LCI')).toBe('fixed_income');
    expect(investmentGroup('MUTUAL_FUND', null)).toBe('funds');
    expect(investmentGroup('EQUITY', 'REAL_ESTATE_FUND')).toBe('equities');
    expect(investmentGroup('SECURITY', 'RETIREMENT')).toBe('pension');
    expect(investmentGroup('CRYPTO', null)).toBe('other');
    expect(investmentGroup(null, null)).toBe('other');
  });
});
