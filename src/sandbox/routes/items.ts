// POST /items, GET/PATCH/DELETE /items/{id}, POST /items/{id}/mfa, PATCH /items/{id}/disable-auto-sync.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CreateItemRequest,
  ItemMfaRequest,
  UpdateItemRequest,
  type DeleteItemResponse,
  type Item,
  type TriggeredBy,
} from '../../shared/pluggy';
import { iso } from '../clock';
import { itemFor, toItem, type SandboxContext } from '../context';
import { defaultProducts, findConnector } from '../data/connectors';
import { uuidFrom } from '../data/prng';
import { ApiError, validationError } from '../http/api-error';
import type { ItemRecord } from '../items/item-record';
import { alreadyUpdating, forcedRefusal, naturalRefusal, type ForcedRefusalCode } from '../items/refusals';
import { sendTooMany } from '../http/rate-limit';
import { RATE_LIMITED_ROUTES } from '../options';
import { webhookUrlProblem } from '../webhooks/url-rules';
import { credentialErrors } from './connectors';

const IdParam = z.object({ id: z.string().min(1) });

function idOf(request: FastifyRequest): string {
  const params = IdParam.safeParse(request.params);
  if (!params.success) throw new ApiError(400, 'Item id is required');
  return params.data.id;
}

const triggeredBy = (request: FastifyRequest): TriggeredBy =>
  request.principal?.kind === 'connectToken' ? 'USER' : 'CLIENT';

function checkWebhookUrl(ctx: SandboxContext, url: string | null | undefined): void {
  if (!url) return;
  const problem = webhookUrlProblem(url, ctx.options.strictWebhookUrls);
  if (problem) throw new ApiError(400, problem);
}

function checkCredentials(connectorId: number, parameters: Record<string, string>): void {
  const connector = findConnector(connectorId);
  if (!connector) throw new ApiError(400, `Connector ${connectorId} not found`, 'CONNECTOR_REQUIRED');
  if (connector.health?.status === 'OFFLINE') throw new ApiError(400, 'Connector is offline');
  const errors = credentialErrors(connector, parameters);
  if (errors.length > 0) {
    throw new ApiError(400, errors.map((e) => e.message).join('; '), 'PARAMETER_VALIDATION_ERROR', {
      details: errors,
    });
  }
}

/** The refusal the admin route forced on this item's next PATCH, counted down. */
function takeForcedRefusal(record: ItemRecord): ForcedRefusalCode | null {
  const forced = record.forcedRefusal;
  if (!forced || forced.remaining <= 0) return null;
  forced.remaining -= 1;
  if (forced.remaining === 0) delete record.forcedRefusal;
  return forced.code;
}

export function itemRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/items', { config: { access: 'connect' } }, async (request): Promise<Item> => {
    const raw = (request.body ?? {}) as Record<string, unknown>;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new ApiError(400, 'Body must be a JSON object');
    if (raw.connectorId === undefined)
      throw new ApiError(400, 'connectorId is required', 'CONNECTOR_REQUIRED');
    if (raw.parameters === undefined)
      throw new ApiError(400, 'parameters are required', 'PARAMETERS_NOT_PROVIDED');
    const body = CreateItemRequest.safeParse(raw);
    if (!body.success) throw validationError(body.error, 'PARAMETER_VALIDATION_ERROR');
    const b = body.data;
    checkCredentials(b.connectorId, b.parameters);
    const principal = request.principal;
    const tokenOptions = principal?.kind === 'connectToken' ? principal.options : {};
    const webhookUrl = b.webhookUrl ?? tokenOptions.webhookUrl ?? null;
    checkWebhookUrl(ctx, webhookUrl);
    const now = iso(ctx.clock.now());
    ctx.store.counters.items++;
    const id = uuidFrom(ctx.seed, 'item', ctx.store.counters.items);
    const record: ItemRecord = {
      item: {
        id,
        connectorId: b.connectorId,
        status: 'UPDATING',
        executionStatus: 'CREATING',
        error: null,
        statusDetail: null,
        parameter: null,
        userAction: null,
        webhookUrl,
        clientUserId: b.clientUserId ?? tokenOptions.clientUserId ?? null,
        consecutiveFailedLoginAttempts: 0,
        createdAt: now,
        updatedAt: now,
        lastUpdatedAt: null,
        nextAutoSyncAt: null,
        consentExpiresAt: null,
        autoSyncDisabledAt: null,
        products: b.products ?? defaultProducts(b.connectorId),
        oauthRedirectUri: b.oauthRedirectUri ?? tokenOptions.oauthRedirectUri ?? null,
      },
      parameters: b.parameters ?? undefined,
      createdByToken: principal?.kind === 'connectToken' ? principal.tokenId : null,
      generation: 0,
      advancePending: false,
      accountIds: [],
    };
    ctx.store.items.set(id, record);
    ctx.executor.start(record, triggeredBy(request), true);
    return toItem(record, ctx.baseUrl());
  });

  app.get('/items/:id', { config: { access: 'connect' } }, async (request): Promise<Item> =>
    toItem(itemFor(ctx, idOf(request), request.principal), ctx.baseUrl()),
  );

  app.patch('/items/:id', { config: { access: 'connect' } }, async (request, reply): Promise<Item> => {
    const record = itemFor(ctx, idOf(request), request.principal);
    const body = UpdateItemRequest.safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error, 'PARAMETER_VALIDATION_ERROR');
    const b = body.data;
    const forced = takeForcedRefusal(record);
    if (forced === 'RATE_LIMITED') return sendTooMany(reply, RATE_LIMITED_ROUTES['PATCH /items/:id'], 60);
    if (forced) throw forcedRefusal(forced, record, ctx.clock.now());
    if (ctx.executor.isRunning(record.item.id)) throw alreadyUpdating(true);
    const refusal = naturalRefusal({
      record,
      byClient: request.principal?.kind !== 'connectToken',
      parameters: b.parameters ?? undefined,
      nowMs: ctx.clock.now(),
      minUpdateFrequencyHours: ctx.options.minUpdateFrequencyHours,
    });
    if (refusal) throw refusal;
    if (b.parameters) checkCredentials(record.item.connectorId, { ...record.parameters, ...b.parameters });
    checkWebhookUrl(ctx, b.webhookUrl);
    if (b.parameters) record.parameters = { ...record.parameters, ...b.parameters };
    if (b.webhookUrl !== undefined) record.item.webhookUrl = b.webhookUrl;
    if (b.clientUserId !== undefined) record.item.clientUserId = b.clientUserId;
    if (b.products) record.item.products = b.products;
    ctx.executor.start(record, triggeredBy(request), false);
    return toItem(record, ctx.baseUrl());
  });

  app.post('/items/:id/mfa', { config: { access: 'connect' } }, async (request): Promise<Item> => {
    const record = itemFor(ctx, idOf(request), request.principal);
    const body = ItemMfaRequest.safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    if (Object.keys(body.data).length === 0)
      throw new ApiError(400, 'MFA parameter is required', 'PARAMETERS_NOT_PROVIDED');
    ctx.executor.submitMfa(record.item.id, body.data);
    return toItem(record, ctx.baseUrl());
  });

  app.patch(
    '/items/:id/disable-auto-sync',
    { config: { access: 'apiKey' } },
    async (request): Promise<Item> => {
      const record = itemFor(ctx, idOf(request), request.principal);
      record.item.autoSyncDisabledAt = iso(ctx.clock.now());
      record.item.nextAutoSyncAt = null;
      ctx.store.changed();
      return toItem(record, ctx.baseUrl());
    },
  );

  app.delete('/items/:id', { config: { access: 'apiKey' } }, async (request): Promise<DeleteItemResponse> => {
    const record = itemFor(ctx, idOf(request), request.principal);
    const { id, webhookUrl, clientUserId } = record.item;
    ctx.executor.cancel(id);
    ctx.store.deleteItem(id);
    ctx.hooks.emit(
      {
        event: 'item/deleted',
        id,
        itemId: id,
        clientId: ctx.options.clientId,
        triggeredBy: 'CLIENT',
        clientUserId: clientUserId ?? null,
      },
      webhookUrl,
    );
    return { count: 1 };
  });
}
