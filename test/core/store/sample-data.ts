// Deterministic Pluggy-shaped items, accounts and transactions for store tests and the store benchmark.
import type { Account, Item, Transaction } from '../../../src/shared/pluggy';

const MERCHANTS = [
  'Padaria Pão de Açúcar',
  'Mercado Livre',
  'Uber do Brasil',
  'iFood',
  'Farmácia São João',
  'Posto Ipiranga',
  'Netflix',
  'Livraria Cultura',
  'Restaurante Sabor Caseiro',
  'Academia Smart Fit',
];
const CATEGORIES = [
  'Groceries',
  'Shopping',
  'Transport',
  'Food delivery',
  'Pharmacy',
  'Fuel',
  'Streaming',
  'Books',
  'Restaurants',
  'Gym',
];
const PEOPLE = ['Maria Oliveira', 'João Santos', 'Ana Costa', 'Pedro Almeida', 'Luiza Ferreira'];

export function sampleItem(id: string, overrides: Partial<Item> = {}): Item {
  return {
    id,
    connector: {
      id: 2,
      name: 'Pluggy Bank',
      imageUrl: 'https://cdn.pluggy.ai/assets/connector-icons/sandbox.svg',
      primaryColor: 'ef294b',
      type: 'PERSONAL_BANK',
      country: 'BR',
      credentials: [],
      hasMFA: false,
      isOpenFinance: false,
    },
    status: 'UPDATED',
    executionStatus: 'SUCCESS',
    error: null,
    createdAt: '2025-01-10T12:00:00.000Z',
    updatedAt: '2025-03-01T12:00:00.000Z',
    lastUpdatedAt: '2025-03-01T12:00:00.000Z',
    nextAutoSyncAt: '2025-03-02T12:00:00.000Z',
    consentExpiresAt: null,
    clientUserId: 'user-1',
    ...overrides,
  };
}

export function sampleAccount(id: string, itemId: string, overrides: Partial<Account> = {}): Account {
  return {
    id,
    itemId,
    type: 'BANK',
    subtype: 'CHECKING_ACCOUNT',
    number: '12345-6',
    balance: 1000,
    name: 'Conta Corrente',
    marketingName: null,
    owner: 'Maria Oliveira',
    taxNumber: '123.456.789-09',
    currencyCode: 'BRL',
    bankData: { transferNumber: '0001/12345-6', closingBalance: 1000 },
    creditData: null,
    ...overrides,
  };
}

/** The n-th synthetic transaction of an account: one a day going back from 2025-03-01, spread over merchants. */
export function sampleTransaction(
  n: number,
  accountId: string,
  overrides: Partial<Transaction> = {},
): Transaction {
  const day = new Date(Date.UTC(2025, 2, 1) - Math.floor(n / 3) * 86_400_000).toISOString().slice(0, 10);
  const k = n % MERCHANTS.length;
  const debit = n % 4 !== 0;
  const amount = Math.round(((n * 7919) % 50_000) + 100) / 100;
  return {
    id: `tx-${accountId}-${String(n).padStart(8, '0')}`,
    accountId,
    date: `${day}T03:00:00.000Z`,
    // Like real statements: repeated words and short dates, not a unique token per row.
    description: debit
      ? `Compra ${MERCHANTS[k]} ${day.slice(8, 10)}/${day.slice(5, 7)}`
      : `Pix recebido ${PEOPLE[n % PEOPLE.length]}`,
    descriptionRaw: null,
    type: debit ? 'DEBIT' : 'CREDIT',
    amount: debit ? -amount : amount,
    amountInAccountCurrency: null,
    balance: null,
    currencyCode: 'BRL',
    category: debit ? CATEGORIES[k] : 'Transfers',
    categoryId: debit ? `cat-${k}` : 'cat-transfer',
    status: 'POSTED',
    providerCode: null,
    providerId: null,
    operationType: debit ? 'CARTAO' : 'PIX',
    paymentData: debit
      ? null
      : {
          payer: {
            name: PEOPLE[n % PEOPLE.length],
            documentNumber: { type: 'CPF', value: '123.456.789-09' },
          },
          paymentMethod: 'PIX',
        },
    creditCardMetadata: null,
    merchant: debit
      ? { name: MERCHANTS[k], businessName: `${MERCHANTS[k]} LTDA`, cnpj: '12.345.678/0001-90' }
      : null,
    createdAt: `${day}T10:00:00.000Z`,
    updatedAt: `${day}T10:00:00.000Z`,
    ...overrides,
  };
}

/** Transactions [from, from + count) of an account. */
export function samplePage(from: number, count: number, accountId: string): Transaction[] {
  return Array.from({ length: count }, (_, i) => sampleTransaction(from + i, accountId));
}
