// GET /investments?itemId=[&type=&page=&pageSize=], GET /investments/{id}, GET /investments/{id}/transactions.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  InvestmentType,
  type Investment,
  type InvestmentTransactionPage,
  type Page,
} from '../../shared/pluggy';
import { itemFor, type SandboxContext } from '../context';
import { findInvestment, investmentsOf } from '../data/item-products';
import { notFound, validationError } from '../http/api-error';

/** Pluggy's default page size for these lists (spec: "default: 500"). */
const DEFAULT_PAGE_SIZE = 500;
const Paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(DEFAULT_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};
const ListQuery = z.object({ itemId: z.string().min(1), type: InvestmentType.optional(), ...Paging });
const PageQuery = z.object(Paging);
const IdParams = z.object({ id: z.string() });

export function pageOf<T>(rows: readonly T[], page: number, pageSize: number) {
  return {
    results: rows.slice((page - 1) * pageSize, page * pageSize),
    page,
    total: rows.length,
    totalPages: Math.max(1, Math.ceil(rows.length / pageSize)),
  };
}

export function investmentRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/investments', { config: { access: 'connect' } }, async (request): Promise<Page<Investment>> => {
    const query = ListQuery.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    const q = query.data;
    const record = itemFor(ctx, q.itemId, request.principal);
    const rows = investmentsOf(ctx, record)
      .map((g) => g.investment)
      .filter((i) => q.type === undefined || i.type === q.type);
    return pageOf(rows, q.page, q.pageSize);
  });

  app.get('/investments/:id', { config: { access: 'apiKey' } }, async (request): Promise<Investment> => {
    const found = findInvestment(ctx, IdParams.parse(request.params).id);
    if (!found) throw notFound('Investment');
    return found.investment;
  });

  app.get(
    '/investments/:id/transactions',
    { config: { access: 'apiKey' } },
    async (request): Promise<InvestmentTransactionPage> => {
      const query = PageQuery.safeParse(request.query);
      if (!query.success) throw validationError(query.error);
      const found = findInvestment(ctx, IdParams.parse(request.params).id);
      if (!found) throw notFound('Investment');
      return pageOf(found.transactions, query.data.page, query.data.pageSize);
    },
  );
}
