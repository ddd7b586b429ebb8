// GET /v2/transactions (cursor pages), legacy GET /transactions (410 unless enabled), GET/PATCH /transactions/{id}.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  UpdateTransactionRequest,
  type LegacyTransactionPage,
  type Transaction,
  type TransactionPage,
} from '../../shared/pluggy';
import { iso } from '../clock';
import type { SandboxContext } from '../context';
import { categoryById } from '../data/categories';
import type { AccountLedger } from '../data/ledger';
import { ApiError, notFound, validationError } from '../http/api-error';
import { decodeCursor, encodeCursor, filterFrom, idList } from './transaction-query';

const V2Query = z.object({
  accountId: z.string({ error: 'accountId is required' }).min(1, 'accountId is required'),
  dateFrom: z.string().optional(),
  dateTo: z.string().optional(),
  createdAtFrom: z.string().optional(),
  ids: idList.optional(),
  after: z.string().min(1).optional(),
});

const LegacyQuery = z.object({
  accountId: z.string({ error: 'accountId is required' }).min(1, 'accountId is required'),
  from: z.string().optional(),
  to: z.string().optional(),
  createdAtFrom: z.string().optional(),
  ids: idList.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

function ledgerOf(ctx: SandboxContext, accountId: string): AccountLedger {
  const ledger = ctx.store.ledgers.get(accountId);
  if (!ledger) throw notFound('Account');
  return ledger;
}

function byIds(ledger: AccountLedger, ids: string[]): Transaction[] {
  return ids.map((id) => ledger.byId(id)).filter((t): t is Transaction => t !== undefined);
}

function findTransaction(ctx: SandboxContext, id: string): { ledger: AccountLedger; tx: Transaction } {
  for (const ledger of ctx.store.ledgers.values()) {
    const tx = ledger.byId(id);
    if (tx) return { ledger, tx };
  }
  throw notFound('Transaction');
}

export function transactionRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/v2/transactions', { config: { access: 'apiKey' } }, async (request): Promise<TransactionPage> => {
    const query = V2Query.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    const q = query.data;
    if (q.createdAtFrom && q.dateFrom)
      throw new ApiError(400, 'createdAtFrom and dateFrom cannot be used together');
    const ledger = ledgerOf(ctx, q.accountId);
    if (q.ids) return { results: byIds(ledger, q.ids), next: null };
    const filter = filterFrom(q.dateFrom, q.dateTo, q.createdAtFrom, 'dateFrom', 'dateTo');
    let after = -1;
    if (q.after) {
      const cursor = decodeCursor(q.after);
      const position = ledger.positionOfCursor(cursor.date, cursor.id) ?? ledger.positionOf(cursor.id);
      if (position === undefined) throw new ApiError(400, 'Invalid cursor in "after"');
      after = position;
    }
    const page = ledger.page(filter, after, ctx.options.pageSize);
    const last = page.results.at(-1);
    if (!page.hasMore || !last) return { results: page.results, next: null };
    // As Pluggy sends it: a relative link with the account and the cursor, not the filters (the client
    // sends its own again); the cursor encodes the last row's date and id.
    const params = new URLSearchParams({ accountId: q.accountId, after: encodeCursor(last.date, last.id) });
    return { results: page.results, next: `?${params.toString()}` };
  });

  app.get(
    '/transactions',
    { config: { access: 'apiKey' } },
    async (request): Promise<LegacyTransactionPage> => {
      if (!ctx.options.legacyTransactions) {
        throw new ApiError(
          410,
          'This endpoint is deprecated. Use GET /v2/transactions with cursor pagination instead.',
          'ENDPOINT_DEPRECATED',
          { errorId: randomUUID() },
        );
      }
      const query = LegacyQuery.safeParse(request.query);
      if (!query.success) throw validationError(query.error);
      const q = query.data;
      const ledger = ledgerOf(ctx, q.accountId);
      const all = q.ids
        ? byIds(ledger, q.ids)
        : ledger.page(filterFrom(q.from, q.to, q.createdAtFrom, 'from', 'to'), -1, Number.MAX_SAFE_INTEGER)
            .results;
      const start = (q.page - 1) * q.pageSize;
      return {
        total: all.length,
        totalPages: Math.ceil(all.length / q.pageSize),
        page: q.page,
        results: all.slice(start, start + q.pageSize),
      };
    },
  );

  const idOf = (request: FastifyRequest) => z.object({ id: z.string() }).parse(request.params).id;

  app.get(
    '/transactions/:id',
    { config: { access: 'apiKey' } },
    async (request): Promise<Transaction> => findTransaction(ctx, idOf(request)).tx,
  );

  app.patch('/transactions/:id', { config: { access: 'apiKey' } }, async (request): Promise<Transaction> => {
    const { ledger, tx } = findTransaction(ctx, idOf(request));
    const body = UpdateTransactionRequest.safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    const category = categoryById(body.data.categoryId);
    if (!category) throw notFound('Category');
    const updated = ledger.update(tx.id, {
      categoryId: category.id,
      category: category.description,
      updatedAt: iso(ctx.clock.now()),
    });
    ctx.store.changed();
    if (!updated) throw notFound('Transaction');
    return updated;
  });
}
