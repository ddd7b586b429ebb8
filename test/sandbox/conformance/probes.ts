// Each sandbox route of the Pluggy API and the answers the conformance test provokes from it, success and error.
// A new route (bills, investments…) gets its rows here: the spec path it answers for, how to call it, the
// status expected. Every row's answer is checked against that operation's response schema in the spec.
import type { SandboxClient } from '../helpers';

export interface ProbeWorld {
  c: SandboxClient;
  itemId: string;
  accountId: string;
  /** A credit card account, and one of its closed bills. */
  cardAccountId: string;
  billId: string;
  transactionId: string;
  webhookId: string;
  /** An item made only to be deleted by its probe. */
  doomedItemId: string;
  /** One of the item's investments and one of its loans. */
  investmentId: string;
  loanId: string;
  /** An Open Finance item (a bank connector) and its consent. */
  openFinanceItemId: string;
  consentId: string;
}

export interface Probe {
  /** As the spec names the operation, e.g. `GET /items/{id}`. */
  operation: string;
  /** The request actually sent. */
  request: (w: ProbeWorld) => { path: string; body?: unknown; key?: string };
  status: number;
  what: string;
}

const MISSING = '3f3f3f3f-0000-4000-8000-000000000000';

export const PROBES: Probe[] = [
  {
    operation: 'POST /auth',
    what: 'an apiKey',
    status: 200,
    request: ({ c }) => ({
      path: '/auth',
      body: { clientId: c.sandbox.clientId, clientSecret: c.sandbox.clientSecret },
      key: '',
    }),
  },
  {
    operation: 'POST /auth',
    what: 'wrong client keys',
    status: 401,
    request: ({ c }) => ({
      path: '/auth',
      body: { clientId: c.sandbox.clientId, clientSecret: 'x' },
      key: '',
    }),
  },
  {
    operation: 'POST /connect_token',
    what: 'a token',
    status: 200,
    request: () => ({ path: '/connect_token', body: {} }),
  },
  {
    operation: 'POST /connect_token',
    what: 'a token for an item that does not exist',
    status: 404,
    request: () => ({ path: '/connect_token', body: { itemId: MISSING } }),
  },
  {
    operation: 'GET /connectors',
    what: 'the list',
    status: 200,
    request: () => ({ path: '/connectors?sandbox=true' }),
  },
  { operation: 'GET /connectors/{id}', what: 'one', status: 200, request: () => ({ path: '/connectors/0' }) },
  {
    operation: 'GET /connectors/{id}',
    what: 'one with health details',
    status: 200,
    request: () => ({ path: '/connectors/601?healthDetails=true' }),
  },
  {
    operation: 'GET /consents',
    what: 'an Open Finance item’s consents',
    status: 200,
    request: (w) => ({ path: `/consents?itemId=${w.openFinanceItemId}` }),
  },
  {
    operation: 'GET /consents',
    what: 'an item without consents',
    status: 200,
    request: (w) => ({ path: `/consents?itemId=${w.itemId}` }),
  },
  {
    operation: 'GET /consents',
    what: 'no itemId',
    status: 400,
    request: () => ({ path: '/consents' }),
  },
  {
    operation: 'GET /consents/{id}',
    what: 'one',
    status: 200,
    request: (w) => ({ path: `/consents/${w.consentId}` }),
  },
  {
    operation: 'GET /consents/{id}',
    what: 'unknown consent',
    status: 404,
    request: () => ({ path: `/consents/${MISSING}` }),
  },
  {
    operation: 'GET /connectors/{id}',
    what: 'unknown id',
    status: 404,
    request: () => ({ path: '/connectors/999999' }),
  },
  {
    operation: 'POST /connectors/{id}/validate',
    what: 'a check of credentials',
    status: 200,
    request: () => ({ path: '/connectors/0/validate', body: { user: 'user-ok' } }),
  },
  {
    operation: 'POST /items',
    what: 'a new item',
    status: 200,
    request: () => ({
      path: '/items',
      body: { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
    }),
  },
  {
    operation: 'POST /items',
    what: 'missing parameters',
    status: 400,
    request: () => ({ path: '/items', body: { connectorId: 0 } }),
  },
  {
    operation: 'GET /items/{id}',
    what: 'an item',
    status: 200,
    request: (w) => ({ path: `/items/${w.itemId}` }),
  },
  {
    operation: 'GET /items/{id}',
    what: 'unknown item',
    status: 404,
    request: () => ({ path: `/items/${MISSING}` }),
  },
  {
    operation: 'PATCH /items/{id}',
    what: 'unknown item',
    status: 404,
    request: () => ({ path: `/items/${MISSING}`, body: {} }),
  },
  {
    operation: 'POST /items/{id}/mfa',
    what: 'unknown item',
    status: 404,
    request: () => ({ path: `/items/${MISSING}/mfa`, body: { token: '123456' } }),
  },
  {
    operation: 'PATCH /items/{id}/disable-auto-sync',
    what: 'auto-sync off',
    status: 200,
    request: (w) => ({ path: `/items/${w.itemId}/disable-auto-sync`, body: {} }),
  },
  {
    operation: 'PATCH /items/{id}/disable-auto-sync',
    what: 'unknown item',
    status: 404,
    request: () => ({ path: `/items/${MISSING}/disable-auto-sync`, body: {} }),
  },
  {
    operation: 'GET /accounts',
    what: 'the item’s accounts',
    status: 200,
    request: (w) => ({ path: `/accounts?itemId=${w.itemId}` }),
  },
  {
    operation: 'GET /accounts/{id}',
    what: 'one',
    status: 200,
    request: (w) => ({ path: `/accounts/${w.accountId}` }),
  },
  {
    operation: 'GET /accounts/{id}',
    what: 'unknown account',
    status: 404,
    request: () => ({ path: `/accounts/${MISSING}` }),
  },
  {
    operation: 'GET /v2/transactions',
    what: 'a page with a next link',
    status: 200,
    request: (w) => ({ path: `/v2/transactions?accountId=${w.accountId}` }),
  },
  {
    operation: 'GET /v2/transactions',
    what: 'dateFrom with createdAtFrom',
    status: 400,
    request: (w) => ({
      path: `/v2/transactions?accountId=${w.accountId}&dateFrom=2024-01-01&createdAtFrom=2024-01-01T00:00:00.000Z`,
    }),
  },
  {
    operation: 'GET /v2/transactions',
    what: 'an invalid cursor',
    status: 400,
    request: (w) => ({ path: `/v2/transactions?accountId=${w.accountId}&after=bm9wZQ==` }),
  },
  {
    operation: 'GET /transactions',
    what: 'the deprecated list (410)',
    status: 410,
    request: (w) => ({ path: `/transactions?accountId=${w.accountId}` }),
  },
  {
    operation: 'GET /transactions/{id}',
    what: 'one',
    status: 200,
    request: (w) => ({ path: `/transactions/${w.transactionId}` }),
  },
  {
    operation: 'GET /transactions/{id}',
    what: 'unknown transaction',
    status: 404,
    request: () => ({ path: `/transactions/${MISSING}` }),
  },
  {
    operation: 'PATCH /transactions/{id}',
    what: 'a new category',
    status: 200,
    request: (w) => ({ path: `/transactions/${w.transactionId}`, body: { categoryId: '05070000' } }),
  },
  {
    operation: 'PATCH /transactions/{id}',
    what: 'unknown transaction',
    status: 404,
    request: () => ({ path: `/transactions/${MISSING}`, body: { categoryId: '05070000' } }),
  },
  {
    operation: 'GET /bills',
    what: 'a card’s bills',
    status: 200,
    request: (w) => ({ path: `/bills?accountId=${w.cardAccountId}` }),
  },
  {
    operation: 'GET /bills',
    what: 'a bank account (no bills)',
    status: 200,
    request: (w) => ({ path: `/bills?accountId=${w.accountId}` }),
  },
  { operation: 'GET /bills', what: 'no accountId', status: 400, request: () => ({ path: '/bills' }) },
  {
    operation: 'GET /bills',
    what: 'unknown account',
    status: 404,
    request: () => ({ path: `/bills?accountId=${MISSING}` }),
  },
  {
    operation: 'GET /bills/{id}',
    what: 'one',
    status: 200,
    request: (w) => ({ path: `/bills/${w.billId}` }),
  },
  {
    operation: 'GET /bills/{id}',
    what: 'unknown bill',
    status: 404,
    request: () => ({ path: `/bills/${MISSING}` }),
  },
  { operation: 'GET /categories', what: 'the list', status: 200, request: () => ({ path: '/categories' }) },
  {
    operation: 'GET /categories/{id}',
    what: 'one',
    status: 200,
    request: () => ({ path: '/categories/05070000' }),
  },
  {
    operation: 'GET /categories/{id}',
    what: 'unknown category',
    status: 404,
    request: () => ({ path: '/categories/99999999' }),
  },
  {
    operation: 'POST /webhooks',
    what: 'a new webhook',
    status: 201,
    request: () => ({ path: '/webhooks', body: { event: 'item/updated', url: 'https://example.org/hook' } }),
  },
  {
    operation: 'POST /webhooks',
    what: 'an unknown event',
    status: 400,
    request: () => ({ path: '/webhooks', body: { event: 'nope', url: 'https://example.org/hook' } }),
  },
  { operation: 'GET /webhooks', what: 'the list', status: 200, request: () => ({ path: '/webhooks' }) },
  {
    operation: 'GET /webhooks/{id}',
    what: 'one',
    status: 200,
    request: (w) => ({ path: `/webhooks/${w.webhookId}` }),
  },
  {
    operation: 'GET /webhooks/{id}',
    what: 'unknown webhook',
    status: 404,
    request: () => ({ path: `/webhooks/${MISSING}` }),
  },
  {
    operation: 'PATCH /webhooks/{id}',
    what: 'a new url',
    status: 200,
    request: (w) => ({ path: `/webhooks/${w.webhookId}`, body: { url: 'https://example.org/other' } }),
  },
  {
    operation: 'PATCH /webhooks/{id}',
    what: 'unknown webhook',
    status: 404,
    request: () => ({ path: `/webhooks/${MISSING}`, body: { url: 'https://example.org/other' } }),
  },
  {
    operation: 'DELETE /webhooks/{id}',
    what: 'removed',
    status: 200,
    request: (w) => ({ path: `/webhooks/${w.webhookId}` }),
  },
  {
    operation: 'DELETE /webhooks/{id}',
    what: 'unknown webhook',
    status: 404,
    request: () => ({ path: `/webhooks/${MISSING}` }),
  },
  {
    operation: 'DELETE /items/{id}',
    what: 'removed',
    status: 200,
    request: (w) => ({ path: `/items/${w.doomedItemId}` }),
  },
  {
    operation: 'DELETE /items/{id}',
    what: 'unknown item',
    status: 404,
    request: () => ({ path: `/items/${MISSING}` }),
  },
  {
    operation: 'GET /items/{id}',
    what: 'an expired or forged apiKey',
    status: 403,
    request: (w) => ({ path: `/items/${w.itemId}`, key: 'not-a-key' }),
  },
  {
    operation: 'GET /investments',
    what: 'the item’s investments',
    status: 200,
    request: (w) => ({ path: `/investments?itemId=${w.itemId}` }),
  },
  {
    operation: 'GET /investments',
    what: 'a second page of one type',
    status: 200,
    request: (w) => ({ path: `/investments?itemId=${w.itemId}&type=FIXED_INCOME&pageSize=2&page=2` }),
  },
  {
    operation: 'GET /investments',
    what: 'no itemId',
    status: 400,
    request: () => ({ path: '/investments' }),
  },
  {
    operation: 'GET /investments',
    what: 'unknown item',
    status: 404,
    request: () => ({ path: `/investments?itemId=${MISSING}` }),
  },
  {
    operation: 'GET /investments/{id}',
    what: 'one',
    status: 200,
    request: (w) => ({ path: `/investments/${w.investmentId}` }),
  },
  {
    operation: 'GET /investments/{id}',
    what: 'unknown investment',
    status: 404,
    request: () => ({ path: `/investments/${MISSING}` }),
  },
  {
    operation: 'GET /investments/{id}/transactions',
    what: 'its movements',
    status: 200,
    request: (w) => ({ path: `/investments/${w.investmentId}/transactions` }),
  },
  {
    operation: 'GET /investments/{id}/transactions',
    what: 'a page of one movement',
    status: 200,
    request: (w) => ({ path: `/investments/${w.investmentId}/transactions?pageSize=1&page=1` }),
  },
  {
    operation: 'GET /investments/{id}/transactions',
    what: 'unknown investment',
    status: 404,
    request: () => ({ path: `/investments/${MISSING}/transactions` }),
  },
  {
    operation: 'GET /loans',
    what: 'the item’s loans',
    status: 200,
    request: (w) => ({ path: `/loans?itemId=${w.itemId}` }),
  },
  {
    operation: 'GET /loans',
    what: 'unknown item',
    status: 404,
    request: () => ({ path: `/loans?itemId=${MISSING}` }),
  },
  {
    operation: 'GET /loans/{id}',
    what: 'one',
    status: 200,
    request: (w) => ({ path: `/loans/${w.loanId}` }),
  },
  {
    operation: 'GET /loans/{id}',
    what: 'unknown loan',
    status: 404,
    request: () => ({ path: `/loans/${MISSING}` }),
  },
];
