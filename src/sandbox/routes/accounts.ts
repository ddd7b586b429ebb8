// GET /accounts?itemId=[&type=] and GET /accounts/{id}.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AccountType, type Account, type Page } from '../../shared/pluggy';
import { itemFor, type SandboxContext } from '../context';
import { toAccount } from '../data/evolve';
import { notFound, validationError } from '../http/api-error';

const AccountQuery = z.object({ itemId: z.string().min(1), type: AccountType.optional() });

export function accountRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/accounts', { config: { access: 'connect' } }, async (request): Promise<Page<Account>> => {
    const query = AccountQuery.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    itemFor(ctx, query.data.itemId, request.principal);
    const results = ctx.store
      .ledgersOf(query.data.itemId)
      .map((l) => toAccount(l.record))
      .filter((a) => query.data.type === undefined || a.type === query.data.type);
    return { results, page: 1, total: results.length, totalPages: 1 };
  });

  app.get('/accounts/:id', { config: { access: 'apiKey' } }, async (request): Promise<Account> => {
    const id = z.object({ id: z.string() }).parse(request.params).id;
    const ledger = ctx.store.ledgers.get(id);
    if (!ledger) throw notFound('Account');
    return toAccount(ledger.record);
  });
}
