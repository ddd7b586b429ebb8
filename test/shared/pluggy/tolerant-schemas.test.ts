// The shapes Pluggy's spec allows (or real data shows) that Cofre's schemas once refused: each one parses.
import { describe, expect, it } from 'vitest';
import {
  Account,
  ErrorBody,
  Item,
  Transaction,
  deriveTransactionType,
  unknownAccountValues,
  unknownItemValues,
  unknownTransactionValues,
} from '../../../src/shared/pluggy';

const connector = { id: 201, name: 'Itaú' };
const item = {
  id: 'e062ab2b-9006-45e8-b689-defabba53647',
  connector,
  status: 'UPDATED',
  executionStatus: 'SUCCESS',
  createdAt: '2024-11-26T13:33:44.296Z',
  updatedAt: '2024-11-26T13:33:44.296Z',
};
const tx = {
  id: '6ec156fe-e8ac-4d9a-a4b3-7770529ab01c',
  accountId: '03cc0eff-4ec5-495c-adb3-1ef9611624fc',
  description: 'Compra',
  amount: 10.5,
  date: '2024-10-14T00:00:00.000Z',
};

describe('tolerant Pluggy schemas', () => {
  it('reads an item waiting for the user whose userAction has no type', () => {
    const parsed = Item.parse({
      ...item,
      status: 'WAITING_USER_ACTION',
      executionStatus: 'WAITING_USER_ACTION',
      userAction: { instructions: 'Aprove no app do banco', expiresAt: '2024-11-26T13:40:00.000Z' },
    });
    expect(parsed.userAction?.instructions).toBe('Aprove no app do banco');
    expect(parsed.userAction?.type).toBeUndefined();
  });

  it('reads a statusDetail with partial products, the spec key investmentsTransactions and unknown keys', () => {
    const parsed = Item.parse({
      ...item,
      executionStatus: 'PARTIAL_SUCCESS',
      statusDetail: {
        accounts: {},
        transactions: { isUpdated: false },
        creditCards: { lastUpdatedAt: null, warnings: [{ code: '001', message: 'missing permission' }] },
        investmentsTransactions: { isUpdated: true, lastUpdatedAt: '2022-03-08T22:43:04.796Z' },
        paymentData: null,
        benefits: { isUpdated: true, somethingNew: 1 },
      },
    });
    expect(parsed.statusDetail?.transactions?.isUpdated).toBe(false);
    expect(parsed.statusDetail?.investmentsTransactions?.isUpdated).toBe(true);
    expect(parsed.statusDetail?.['benefits']).toEqual({ isUpdated: true, somethingNew: 1 });
  });

  it('reads payeeMCC as the spec string and as the number real Itaú data sends', () => {
    for (const payeeMCC of ['5812', 5812]) {
      const parsed = Transaction.parse({ ...tx, type: 'DEBIT', creditCardMetadata: { payeeMCC } });
      expect(parsed.creditCardMetadata?.payeeMCC).toBe(payeeMCC);
    }
  });

  it('reads a transaction without type and derives it from the sign and the account type', () => {
    expect(Transaction.parse(tx).type).toBeUndefined();
    expect(deriveTransactionType(-10, 'BANK')).toBe('DEBIT');
    expect(deriveTransactionType(10, 'BANK')).toBe('CREDIT');
    // Card purchases arrive positive, payments to the bill negative.
    expect(deriveTransactionType(10, 'CREDIT')).toBe('DEBIT');
    expect(deriveTransactionType(-10, 'CREDIT')).toBe('CREDIT');
    expect(deriveTransactionType(-10, null)).toBe('DEBIT');
  });

  it('reads an error body without code (400 "item user already exists")', () => {
    const parsed = ErrorBody.parse({
      message: 'item user already exists',
      codeDescription: 'ITEM_USER_ALREADY_EXISTS',
      items: [{ id: 'x' }],
    });
    expect(parsed.codeDescription).toBe('ITEM_USER_ALREADY_EXISTS');
    expect(parsed.code).toBeUndefined();
    expect(ErrorBody.parse({ message: 'An update is already in progress', code: 400 }).code).toBe(400);
  });

  it('reads unknown enumeration values and names each one as unknown', () => {
    const odd = Item.parse({
      ...item,
      status: 'SUSPENDED',
      executionStatus: 'BENEFITS_IN_PROGRESS',
      error: { code: 'CONSENT_REVOKED', message: 'revoked' },
    });
    expect(unknownItemValues(odd)).toEqual([
      { field: 'item.status', value: 'SUSPENDED' },
      { field: 'item.executionStatus', value: 'BENEFITS_IN_PROGRESS' },
      { field: 'item.error.code', value: 'CONSENT_REVOKED' },
    ]);
    expect(unknownItemValues(Item.parse(item))).toEqual([]);

    const account = Account.parse({
      id: 'a1',
      itemId: item.id,
      type: 'INVESTMENT',
      subtype: 'PAYMENT_ACCOUNT',
      balance: 1,
      name: 'Conta pagamento',
      currencyCode: 'BRL',
    });
    expect(unknownAccountValues(account).map((u) => u.value)).toEqual(['INVESTMENT', 'PAYMENT_ACCOUNT']);

    const scheduled = Transaction.parse({ ...tx, type: 'TRANSFER', status: 'SCHEDULED' });
    expect(unknownTransactionValues(scheduled).map((u) => u.field)).toEqual([
      'transaction.type',
      'transaction.status',
    ]);
  });

  it('reads a connector inside an item with only what the spec requires plus its name', () => {
    expect(
      Item.parse({ ...item, connector: { id: 2, name: 'Banco' } }).connector.credentials,
    ).toBeUndefined();
  });
});
