// GET /bills?accountId= (a card's closed bills, one page) and GET /bills/{id}.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Bill, Page } from '../../shared/pluggy';
import type { SandboxContext } from '../context';
import { billsOf } from '../data/bills';
import { ApiError, notFound, validationError } from '../http/api-error';

const BillQuery = z.object({
  accountId: z.string({ error: 'accountId is required' }).min(1, 'accountId is required'),
});

export function billRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/bills', { config: { access: 'apiKey' } }, async (request): Promise<Page<Bill>> => {
    const query = BillQuery.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    const ledger = ctx.store.ledgers.get(query.data.accountId);
    if (!ledger) throw notFound('Account');
    // Newest first, as Pluggy lists them; a bank account has none.
    const results = [...billsOf(ledger)].reverse();
    return { page: 1, total: results.length, totalPages: 1, results };
  });

  app.get('/bills/:id', { config: { access: 'apiKey' } }, async (request): Promise<Bill> => {
    const id = z.object({ id: z.string() }).parse(request.params).id;
    for (const ledger of ctx.store.ledgers.values()) {
      if (ledger.record.kind !== 'card') continue;
      const bill = billsOf(ledger).find((b) => b.id === id);
      if (bill) return bill;
    }
    throw new ApiError(404, 'Bill not found', 'CREDIT_CARD_BILL_NOT_FOUND');
  });
}
