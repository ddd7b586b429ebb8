// POST/GET/PATCH/DELETE /webhooks: registered webhooks (custom headers are sent with every delivery).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CreateWebhookRequest, UpdateWebhookRequest, type Page, type Webhook } from '../../shared/pluggy';
import { iso } from '../clock';
import type { SandboxContext } from '../context';
import { uuidFrom } from '../data/prng';
import { ApiError, notFound, validationError } from '../http/api-error';
import type { WebhookRecord } from '../store';
import { webhookUrlProblem } from '../webhooks/url-rules';

const MAX_PER_EVENT = 5;

/** The resource as the API shows it: headers are write-only. */
const view = ({ headers: _headers, ...hook }: WebhookRecord): Webhook => hook;

export function webhookRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const find = (request: FastifyRequest): WebhookRecord => {
    const hook = ctx.store.webhooks.get(z.object({ id: z.string() }).parse(request.params).id);
    if (!hook) throw notFound('Webhook');
    return hook;
  };
  const checkUrl = (url: string) => {
    const problem = webhookUrlProblem(url, ctx.options.strictWebhookUrls);
    if (problem) throw new ApiError(400, problem);
  };
  const checkLimit = (event: string) => {
    const count = [...ctx.store.webhooks.values()].filter((w) => w.event === event).length;
    if (count >= MAX_PER_EVENT) throw new ApiError(400, `At most ${MAX_PER_EVENT} webhooks per event`);
  };

  app.post('/webhooks', { config: { access: 'apiKey' } }, async (request, reply): Promise<Webhook> => {
    const body = CreateWebhookRequest.safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    checkUrl(body.data.url);
    checkLimit(body.data.event);
    ctx.store.counters.webhooks++;
    const now = iso(ctx.clock.now());
    const hook: WebhookRecord = {
      id: uuidFrom(ctx.seed, 'webhook', ctx.store.counters.webhooks),
      url: body.data.url,
      event: body.data.event,
      headers: body.data.headers ?? {},
      createdAt: now,
      updatedAt: now,
      disabledAt: null,
    };
    ctx.store.webhooks.set(hook.id, hook);
    ctx.store.changed();
    // 201 Created, as the spec documents it.
    reply.code(201);
    return view(hook);
  });

  app.get('/webhooks', { config: { access: 'apiKey' } }, async (): Promise<Page<Webhook>> => {
    const results = [...ctx.store.webhooks.values()].map(view);
    return { results, page: 1, total: results.length, totalPages: 1 };
  });

  app.get('/webhooks/:id', { config: { access: 'apiKey' } }, async (request): Promise<Webhook> =>
    view(find(request)),
  );

  app.patch('/webhooks/:id', { config: { access: 'apiKey' } }, async (request): Promise<Webhook> => {
    const hook = find(request);
    const body = UpdateWebhookRequest.safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    const b = body.data;
    if (b.url !== undefined) checkUrl(b.url);
    if (b.event !== undefined && b.event !== hook.event) checkLimit(b.event);
    if (b.url !== undefined) hook.url = b.url;
    if (b.event !== undefined) hook.event = b.event;
    if (b.headers !== undefined) hook.headers = b.headers ?? {};
    const now = iso(ctx.clock.now());
    if (b.enabled !== undefined) hook.disabledAt = b.enabled ? null : now;
    hook.updatedAt = now;
    ctx.store.changed();
    return view(hook);
  });

  app.delete('/webhooks/:id', { config: { access: 'apiKey' } }, async (request) => {
    const hook = find(request);
    ctx.store.webhooks.delete(hook.id);
    ctx.store.changed();
    return { count: 1 };
  });
}
