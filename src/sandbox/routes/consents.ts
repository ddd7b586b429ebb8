// GET /consents?itemId= and GET /consents/{id}: an Open Finance item's consents, as the spec shapes them.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Consent, Page } from '../../shared/pluggy';
import type { SandboxContext } from '../context';
import { ApiError, notFound } from '../http/api-error';

const UUID = z.uuid();

export function consentRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/consents', { config: { access: 'apiKey' } }, async (request): Promise<Page<Consent>> => {
    const itemId = (request.query as Record<string, unknown>).itemId;
    // The spec's own 400 text for a missing or malformed itemId.
    if (itemId === undefined || itemId === '')
      throw new ApiError(400, 'itemId should not be null or undefined,itemId must be a UUID');
    if (!UUID.safeParse(itemId).success) throw new ApiError(400, 'itemId must be a UUID');
    // The spec answers only 200, 400 and 500 here: an item with no consents (or unknown) lists none.
    const results = ctx.store.items.get(String(itemId))?.consents ?? [];
    return { results, page: 1, total: results.length, totalPages: results.length > 0 ? 1 : 0 };
  });

  app.get('/consents/:id', { config: { access: 'apiKey' } }, async (request): Promise<Consent> => {
    const id = z.object({ id: z.string() }).parse(request.params).id;
    for (const record of ctx.store.items.values()) {
      const found = record.consents?.find((c) => c.id === id);
      if (found) return found;
    }
    throw notFound('Consent');
  });
}
