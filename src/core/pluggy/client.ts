// createPluggyClient: the typed Pluggy API methods Cofre uses, each response parsed with src/shared/pluggy.
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  Account,
  Bill,
  Category,
  ConnectTokenResponse,
  Connector,
  ConnectorFilters,
  CreateItemRequest,
  CreateWebhookRequest,
  DeleteItemResponse,
  Item,
  ItemMfaRequest,
  LegacyTransactionPage,
  Page,
  Transaction,
  TransactionPage,
  UpdateItemRequest,
  UpdateWebhookRequest,
  Webhook,
  type AccountType,
  type ConnectTokenRequest,
  type SkippedRow,
  readRows,
  unknownAccountValues,
  unknownItemValues,
  unknownTransactionValues,
} from '../../shared/pluggy';
import { wireClient, type PluggyClientOptions } from './client-wiring';
import { consentHealthCalls } from './consent-health-calls';
import type { AnswerReader, BodyDecoder } from './decode-body';
import { endpointUrl, nextPageUrl, toSearchParams } from './request-url';
import type { CacheHealth } from './response-cache';
import { logUnknownValues } from './unknown-values-log';
import { productReads } from './product-reads';
import {
  checkTransactionQuery,
  iterateTransactionPages,
  type PageLink,
  type TransactionQuery,
} from './transactions-iterator';

export type { PluggyClientOptions } from './client-wiring';

export interface ConnectTokenInput {
  itemId?: string;
  clientUserId?: string;
  webhookUrl?: string;
  oauthRedirectUri?: string;
  avoidDuplicates?: boolean;
}

const AnyBody = z.unknown();

/** A list page whose rows are read one by one (see readRows). */
const RowsPage = z.object({
  results: z.array(z.unknown()),
  total: z.number().nullish(),
  totalPages: z.number().nullish(),
});
/** The spec types GET /categories as an array; its own example (and pluggy-sdk) as a page: both read. */
const CategoryList = z.union([
  Page(Category),
  z.array(Category).transform((results) => ({ results, page: 1, total: results.length, totalPages: 1 })),
]);

/** Protection against a `totalPages` that never ends. */
const MAX_ACCOUNT_PAGES = 100;

/** A card's bills as GET /bills lists them; rows off the schema are left out and described. */
export interface BillList {
  results: Bill[];
  skipped: SkippedRow[];
}

export interface AccountList extends Page<Account> {
  /** Accounts Pluggy listed that could not be read (left out of `results`). */
  skipped: SkippedRow[];
  /** False when the pages held fewer accounts than Pluggy said it had: a partial list. */
  complete: boolean;
}

/** Checks a caller's input against its schema; the message names fields, never values (they may be passwords). */
function checkInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => i.path.join('.') || '(root)');
  throw new AppError('invalid_input', `Invalid ${what}: ${[...new Set(fields)].join(', ')}.`, {
    details: { fields },
  });
}

const nonEmpty = (value: string, what: string): string => {
  if (value.trim() === '') throw new AppError('invalid_input', `${what} must not be empty.`);
  return value;
};

export function createPluggyClient(options: PluggyClientOptions) {
  const { base, logger, scrubber, tokens, cache, connectorsTtl, categoriesTtl, get, send, getBytes } =
    wireClient(options);

  // Values Pluggy may add to its enumerations are read as they come; each new one is logged once.
  const noted = {
    item: async (answer: Promise<Item>): Promise<Item> => {
      const item = await answer;
      logUnknownValues(logger, unknownItemValues(item));
      return item;
    },
    account: (account: Account): Account => {
      logUnknownValues(logger, unknownAccountValues(account));
      return account;
    },
    transaction: (tx: Transaction): Transaction => {
      logUnknownValues(logger, unknownTransactionValues(tx));
      return tx;
    },
  };

  function transactionPages<P extends PageLink>(
    accountId: string,
    query: TransactionQuery,
    reader: AnswerReader<P>,
  ): AsyncGenerator<P, void, undefined> {
    checkTransactionQuery(query);
    const params = toSearchParams({
      accountId: nonEmpty(accountId, 'An account id'),
      dateFrom: query.dateFrom,
      dateTo: query.dateTo,
      createdAtFrom: query.createdAtFrom,
      ids: query.ids,
    });
    return iterateTransactionPages(
      {
        first: () => endpointUrl(base, ['v2/transactions'], params),
        resolve: (next) => {
          const { url, rerooted } = nextPageUrl(base, next, params);
          if (rerooted)
            logger.warn(
              { path: url.pathname },
              'pluggy next link pointed at another host; followed on baseUrl',
            );
          return url;
        },
        fetch: (url, signal) => get('GET /v2/transactions', url, reader, signal),
      },
      query,
    );
  }

  return {
    ...productReads({ base, get, logger }),
    ...consentHealthCalls({ base, get }),

    /** A 30-minute token for the Connect widget; scoped to `itemId` when updating an existing item. */
    async createConnectToken(input: ConnectTokenInput = {}): Promise<ConnectTokenResponse> {
      const { itemId, ...rest } = input;
      const body: ConnectTokenRequest = {
        ...(itemId !== undefined ? { itemId } : {}),
        ...(Object.keys(rest).length > 0 ? { options: rest } : {}),
      };
      const token = await send(
        { method: 'POST', endpoint: 'POST /connect_token', path: ['connect_token'], body, idempotent: true },
        ConnectTokenResponse,
      );
      scrubber.add(token.accessToken);
      return token;
    },

    async listConnectors(filters: ConnectorFilters = {}): Promise<Page<Connector>> {
      const f = checkInput(ConnectorFilters, filters, 'connector filters');
      const entries = Object.entries(f).filter(([, v]) => v !== undefined);
      const key = `connectors:${JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)))}`;
      return cache.through(key, connectorsTtl, Page(Connector), () =>
        get('GET /connectors', endpointUrl(base, ['connectors'], toSearchParams(f)), Page(Connector)),
      );
    },

    async getConnector(id: number): Promise<Connector> {
      if (!Number.isInteger(id) || id < 0)
        throw new AppError('invalid_input', 'A connector id is a whole number.');
      return cache.through(`connector:${id}`, connectorsTtl, Connector, () =>
        get('GET /connectors/:id', endpointUrl(base, ['connectors', String(id)]), Connector),
      );
    },

    /** The bytes behind a connector's `imageUrl` (Pluggy's CDN, or the sandbox's own files in demo mode). */
    async connectorImage(imageUrl: string): Promise<Buffer> {
      return getBytes('GET connector image', new URL(imageUrl));
    },

    /** Never replayed after a lost answer: it may have created the item (check with getItem/list before retrying). */
    async createItem(input: CreateItemRequest): Promise<Item> {
      const body = checkInput(CreateItemRequest, input, 'item');
      return noted.item(
        send({ method: 'POST', endpoint: 'POST /items', path: ['items'], body, idempotent: false }, Item),
      );
    },

    async getItem(id: string): Promise<Item> {
      return noted.item(
        get('GET /items/:id', endpointUrl(base, ['items', nonEmpty(id, 'An item id')]), Item),
      );
    },

    /** The refresh (PATCH /items/{id}); an empty body re-syncs with the stored credentials. Not replayed. */
    async updateItem(id: string, input: UpdateItemRequest = {}): Promise<Item> {
      const body = checkInput(UpdateItemRequest, input, 'item update');
      return noted.item(
        send(
          {
            method: 'PATCH',
            endpoint: 'PATCH /items/:id',
            path: ['items', nonEmpty(id, 'An item id')],
            body,
            idempotent: false,
            // A refused refresh is answered by reading what Pluggy has, not by waiting a minute per try.
            waitOnRateLimit: false,
          },
          Item,
        ),
      );
    },

    /** Answers the MFA prompt in `item.parameter`, e.g. `{ token: '123456' }`. Not replayed (a code works once). */
    async sendMfa(itemId: string, values: Record<string, string>): Promise<Item> {
      const body = checkInput(ItemMfaRequest, values, 'MFA answer');
      return noted.item(
        send(
          {
            method: 'POST',
            endpoint: 'POST /items/:id/mfa',
            path: ['items', nonEmpty(itemId, 'An item id'), 'mfa'],
            body,
            idempotent: false,
          },
          Item,
        ),
      );
    },

    async deleteItem(id: string): Promise<DeleteItemResponse> {
      return send(
        {
          method: 'DELETE',
          endpoint: 'DELETE /items/:id',
          path: ['items', nonEmpty(id, 'An item id')],
          idempotent: true,
        },
        DeleteItemResponse,
      );
    },

    /**
     * Every account of the item, over every page Pluggy reports. An account off the schema is left out and
     * described in `skipped`; `complete` is false when the pages held fewer accounts than Pluggy's `total`.
     */
    async listAccounts(itemId: string, type?: AccountType): Promise<AccountList> {
      const id = nonEmpty(itemId, 'An item id');
      const results: Account[] = [];
      const skipped: SkippedRow[] = [];
      let total: number | undefined;
      for (let page = 1; page <= MAX_ACCOUNT_PAGES; page++) {
        const query = toSearchParams({ itemId: id, type, page: page > 1 ? page : undefined });
        const body = await get('GET /accounts', endpointUrl(base, ['accounts'], query), RowsPage);
        const read = readRows(Account, body.results);
        read.skipped.forEach((row) => skipped.push({ ...row, index: row.index + results.length }));
        results.push(...read.rows.map(noted.account));
        total ??= body.total ?? undefined;
        if (body.totalPages === undefined || body.totalPages === null || page >= body.totalPages) break;
      }
      const complete = total === undefined || results.length + skipped.length >= total;
      return { results, page: 1, total: results.length, totalPages: 1, skipped, complete };
    },

    /** GET /bills?accountId= for a credit card account, every page (Pluggy answers one today). */
    async listBills(accountId: string): Promise<BillList> {
      const id = nonEmpty(accountId, 'An account id');
      const results: Bill[] = [];
      const skipped: SkippedRow[] = [];
      for (let page = 1; page <= MAX_ACCOUNT_PAGES; page++) {
        const query = toSearchParams({ accountId: id, page: page > 1 ? page : undefined });
        const body = await get('GET /bills', endpointUrl(base, ['bills'], query), RowsPage);
        const read = readRows(Bill, body.results);
        read.skipped.forEach((row) => skipped.push({ ...row, index: row.index + results.length }));
        results.push(...read.rows);
        if (body.totalPages === undefined || body.totalPages === null || page >= body.totalPages) break;
      }
      return { results, skipped };
    },

    async getAccount(id: string): Promise<Account> {
      return noted.account(
        await get(
          'GET /accounts/:id',
          endpointUrl(base, ['accounts', nonEmpty(id, 'An account id')]),
          Account,
        ),
      );
    },

    /** `for await (const page of client.transactions(accountId, { createdAtFrom }))` — see transactions-iterator.ts. */
    transactions(
      accountId: string,
      query: TransactionQuery = {},
    ): AsyncGenerator<TransactionPage, void, undefined> {
      return transactionPages(accountId, query, TransactionPage);
    },

    /** Like `transactions`, with each page's body decoded by `decode` (e.g. on another thread) into its own shape. */
    transactionPages<P extends PageLink>(
      accountId: string,
      query: TransactionQuery,
      decode: BodyDecoder<P>,
    ): AsyncGenerator<P, void, undefined> {
      return transactionPages(accountId, query, decode);
    },

    async getTransaction(id: string): Promise<Transaction> {
      return noted.transaction(
        await get(
          'GET /transactions/:id',
          endpointUrl(base, ['transactions', nonEmpty(id, 'A transaction id')]),
          Transaction,
        ),
      );
    },

    /**
     * @deprecated Pluggy answers 410 ENDPOINT_DEPRECATED for many applications (surfaced as
     * PluggyDeprecatedEndpointError); use `transactions()`. Kept to detect the switch-off.
     */
    async legacyTransactionsPage(
      accountId: string,
      page = 1,
      pageSize = 500,
    ): Promise<LegacyTransactionPage> {
      const query = toSearchParams({ accountId: nonEmpty(accountId, 'An account id'), page, pageSize });
      return get('GET /transactions', endpointUrl(base, ['transactions'], query), LegacyTransactionPage);
    },

    async listCategories(): Promise<Page<Category>> {
      return cache.through('categories', categoriesTtl, Page(Category), () =>
        get('GET /categories', endpointUrl(base, ['categories']), CategoryList),
      );
    },

    /** Not replayed: Pluggy allows 5 webhooks per event and a replay could add a duplicate. */
    async createWebhook(input: CreateWebhookRequest): Promise<Webhook> {
      const body = checkInput(CreateWebhookRequest, input, 'webhook');
      return send(
        { method: 'POST', endpoint: 'POST /webhooks', path: ['webhooks'], body, idempotent: false },
        Webhook,
      );
    },

    async listWebhooks(): Promise<Page<Webhook>> {
      return get('GET /webhooks', endpointUrl(base, ['webhooks']), Page(Webhook));
    },

    async updateWebhook(id: string, input: UpdateWebhookRequest): Promise<Webhook> {
      const body = checkInput(UpdateWebhookRequest, input, 'webhook update');
      return send(
        {
          method: 'PATCH',
          endpoint: 'PATCH /webhooks/:id',
          path: ['webhooks', nonEmpty(id, 'A webhook id')],
          body,
          idempotent: true,
        },
        Webhook,
      );
    },

    /** Pluggy's answer body is undocumented; any JSON (or none) is accepted. */
    async deleteWebhook(id: string): Promise<void> {
      await send(
        {
          method: 'DELETE',
          endpoint: 'DELETE /webhooks/:id',
          path: ['webhooks', nonEmpty(id, 'A webhook id')],
          idempotent: true,
        },
        AnyBody,
      );
    },

    /** Health of the response cache (the seed's cache section). */
    async cacheHealth(): Promise<CacheHealth> {
      return cache.health();
    },

    /** How many times /auth was called by this client. */
    get authCalls(): number {
      return tokens.fetches;
    },
  };
}

export type PluggyClient = ReturnType<typeof createPluggyClient>;
