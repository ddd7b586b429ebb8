// GET /loans?itemId= (one page: the spec gives it no paging parameters) and GET /loans/{id}.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Loan, Page } from '../../shared/pluggy';
import { itemFor, type SandboxContext } from '../context';
import { findLoan, loansOf } from '../data/item-products';
import { notFound, validationError } from '../http/api-error';

const ListQuery = z.object({ itemId: z.string().min(1) });

export function loanRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/loans', { config: { access: 'connect' } }, async (request): Promise<Page<Loan>> => {
    const query = ListQuery.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    const results = loansOf(ctx, itemFor(ctx, query.data.itemId, request.principal));
    return { results, page: 1, total: results.length, totalPages: 1 };
  });

  app.get('/loans/:id', { config: { access: 'apiKey' } }, async (request): Promise<Loan> => {
    const loan = findLoan(ctx, z.object({ id: z.string() }).parse(request.params).id);
    if (!loan) throw notFound('Loan');
    return loan;
  });
}
