// Minimal valid Pluggy payloads for stub servers (the shapes of src/shared/pluggy).
import type { Account, Connector, Item, Transaction } from '../../../../src/shared/pluggy';

export const connector: Connector = {
  id: 0,
  name: 'Pluggy Bank',
  type: 'PERSONAL_BANK',
  country: 'BR',
  credentials: [{ name: 'user', label: 'User' }],
  hasMFA: false,
};

export const item = (id = 'item-1'): Item => ({
  id,
  connector,
  status: 'UPDATED',
  executionStatus: 'SUCCESS',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
});

export const account = (id = 'acc-1'): Account => ({
  id,
  itemId: 'item-1',
  type: 'BANK',
  balance: 10.5,
  name: 'Conta',
  currencyCode: 'BRL',
});

export const transaction = (id: string): Transaction => ({
  id,
  accountId: 'acc-1',
  date: '2026-02-01T00:00:00.000Z',
  description: `tx ${id}`,
  type: 'DEBIT',
  amount: -1,
});
