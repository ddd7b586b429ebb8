// Investments and loans are read tolerantly: new enum values kept and reported, bad rows left out, nulls read.
import { describe, expect, it } from 'vitest';
import {
  Investment,
  InvestmentTransaction,
  Loan,
  readRows,
  unknownInvestmentTransactionValues,
  unknownInvestmentValues,
  unknownLoanValues,
} from '../../../src/shared/pluggy';

const investment = {
  id: '2a96b873-53bb-4d16-a3d8-385a57e78d7e',
  itemId: '207f5bcd-312a-439c-abbe-166b6632c980',
  name: 'CDB Banco Máxima',
  balance: 2000,
  currencyCode: 'BRL',
  type: 'FIXED_INCOME',
  date: '2020-07-19T18:27:41.802Z',
};

describe('investment and loan schemas', () => {
  it('keeps an investment type, subtype and status Cofre does not know, and reports them', () => {
    const parsed = Investment.parse({ ...investment, type: 'CRYPTO', subtype: 'BITCOIN', status: 'FROZEN' });
    expect([parsed.type, parsed.subtype, parsed.status]).toEqual(['CRYPTO', 'BITCOIN', 'FROZEN']);
    expect(unknownInvestmentValues(parsed).map((u) => u.field)).toEqual([
      'investment.type',
      'investment.subtype',
      'investment.status',
    ]);
    expect(unknownInvestmentValues(Investment.parse(investment))).toEqual([]);
  });

  it('reads nulls where the spec’s own examples send them', () => {
    const parsed = Investment.parse({ ...investment, number: null, amountProfit: null, taxes: null });
    expect(parsed.amountProfit).toBeNull();
  });

  it('reads an investment without type, name or currency (only id and balance are needed)', () => {
    expect(Investment.safeParse({ id: 'x', balance: 10 }).success).toBe(true);
    expect(Investment.safeParse({ id: 'x' }).success).toBe(false);
  });

  it('leaves a bad position out of its page and says which field, keeping the rest', () => {
    const read = readRows(Investment, [
      investment,
      { ...investment, id: 'bad-1', balance: '2000' },
      investment,
    ]);
    expect(read.rows).toHaveLength(2);
    expect(read.skipped).toEqual([expect.objectContaining({ id: 'bad-1', index: 1, path: 'balance' })]);
  });

  it('reads movements with new types, and a TRANSFER without amount', () => {
    const move = InvestmentTransaction.parse({
      id: 'm1',
      type: 'SPLIT',
      movementType: 'SIDEWAYS',
      date: '2021-09-15T00:00:00.000Z',
    });
    expect(unknownInvestmentTransactionValues(move)).toHaveLength(2);
    expect(
      InvestmentTransaction.parse({ id: 'm2', type: 'TRANSFER', date: '2021-09-15' }).amount,
    ).toBeUndefined();
  });

  it('reads a loan without kind (as the spec’s example) and one with a kind it does not know', () => {
    expect(Loan.parse({ id: 'l1', productName: 'Consignado' }).kind).toBeUndefined();
    const odd = Loan.parse({ id: 'l2', kind: 'LEASING', installmentPeriodicity: 'DAILY' });
    expect(unknownLoanValues(odd).map((u) => u.value)).toEqual(['LEASING', 'DAILY']);
  });

  it('reads Open Finance Brasil’s Portuguese rate words beside the spec’s English ones', () => {
    const loan = Loan.parse({
      id: 'l3',
      interestRates: [{ taxType: 'EFETIVA', interestRateType: 'SIMPLES', taxPeriodicity: 'AA' }],
      contractedFees: [{ chargeType: 'UNICA', charge: 'MINIMO', amount: 10 }],
    });
    expect(loan.interestRates?.[0]?.taxType).toBe('EFETIVA');
  });
});
