// Bills as Pluggy sends them (and as its own examples leave fields out) are read; unknown enum values never refuse one.
import { describe, expect, it } from 'vitest';
import { Bill, readRows } from '../../../src/shared/pluggy';

const bill = {
  id: '05c693bf-c196-47ea-a28c-8251d6bb8a06',
  accountId: '5e9f8f8f-f8f8-4f8f-8f8f-8f8f8f8f8f8f',
  dueDate: '2023-07-20T00:00:00',
  billClosingDate: '2023-07-13T00:00:00',
  totalAmount: 500,
  totalAmountCurrencyCode: 'BRL',
  minimumPaymentAmount: 75,
  allowsInstallments: true,
  financeCharges: [{ id: 'c1', creditCardBillId: 'b', type: 'IOF', amount: 20.51, currencyCode: 'BRL' }],
  payments: [
    {
      id: 'p1',
      valueType: 'FULL_PAYMENT',
      paymentDate: '2023-07-19T00:00:00',
      amount: 500,
      currencyCode: 'BRL',
    },
  ],
};

describe('the Bill schema', () => {
  it('reads a bill whose payments list is absent (as in the spec’s examples) as having none', () => {
    const { payments: _payments, accountId: _accountId, ...rest } = bill;
    const parsed = Bill.parse(rest);
    expect(parsed.payments).toEqual([]);
    expect(parsed.accountId).toBeUndefined();
  });

  it('reads charge types, payment value types and modes Pluggy may add later', () => {
    const parsed = Bill.parse({
      ...bill,
      financeCharges: [{ type: 'ANNUITY_FEE_NEW', amount: 9.9, currencyCode: 'BRL' }],
      payments: [{ ...bill.payments[0], valueType: 'CASHBACK_PAYMENT', paymentMode: 'CRYPTO' }],
    });
    expect(parsed.financeCharges[0]?.type).toBe('ANNUITY_FEE_NEW');
    expect(parsed.payments[0]?.paymentMode).toBe('CRYPTO');
  });

  it('reads an open bill without a closing date (null or absent)', () => {
    expect(Bill.parse({ ...bill, billClosingDate: null }).billClosingDate).toBeNull();
  });

  it('leaves out a bill without a due date and reports it, keeping the rest of the page', () => {
    const { dueDate: _dueDate, ...noDue } = bill;
    const { rows, skipped } = readRows(Bill, [bill, { ...noDue, id: 'broken' }]);
    expect(rows.map((r) => r.id)).toEqual([bill.id]);
    expect(skipped).toEqual([expect.objectContaining({ id: 'broken', index: 1, path: 'dueDate' })]);
  });
});
