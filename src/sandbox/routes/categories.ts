// GET /categories and GET /categories/{id}.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { CATEGORIES, categoryById } from '../data/categories';
import { notFound } from '../http/api-error';

export function categoryRoutes(app: FastifyInstance, _ctx: SandboxContext): void {
  app.get('/categories', { config: { access: 'apiKey' } }, async () => ({
    results: CATEGORIES,
    page: 1,
    total: CATEGORIES.length,
    totalPages: 1,
  }));
  app.get('/categories/:id', { config: { access: 'apiKey' } }, async (request) => {
    const category = categoryById(z.object({ id: z.string() }).parse(request.params).id);
    if (!category) throw notFound('Category');
    return category;
  });
}
