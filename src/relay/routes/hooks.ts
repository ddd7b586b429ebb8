// POST /hooks/pluggy (secret header) and POST /hooks/pluggy/:channel (capability URL): store, then answer 2xx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { credentialHash, matchesAnySecret } from '../credentials';
import { classifyWebhook } from '../webhook-payload';
import { sendError, type RelayContext } from './context';

/** Largest webhook body accepted; Pluggy's are well under 1 KB. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

export function registerHookRoutes(app: FastifyInstance, ctx: RelayContext): void {
  const { config, store, metrics } = ctx;
  const routeOptions = {
    bodyLimit: WEBHOOK_BODY_LIMIT,
    config: { rateLimit: { max: config.rateLimitHooks, timeWindow: 60_000 } },
  };

  const unauthorized = (reply: FastifyReply) => {
    metrics.rejected.inc({ reason: 'unauthorized' });
    return sendError(reply, 401, 'unauthorized', 'The webhook is not authenticated.');
  };

  // preParsing: refuse a bad secret before reading (or size-checking) the body.
  app.post(
    '/hooks/pluggy',
    {
      ...routeOptions,
      preParsing: async (request: FastifyRequest, reply: FastifyReply) => {
        const presented = request.headers[config.secretHeader];
        if (typeof presented !== 'string' || !matchesAnySecret(presented, config.secrets)) {
          unauthorized(reply);
        }
      },
    },
    (request, reply) => intake(request, reply, ctx),
  );

  app.post<{ Params: { channel: string } }>(
    '/hooks/pluggy/:channel',
    {
      ...routeOptions,
      preParsing: async (request: FastifyRequest<{ Params: { channel: string } }>, reply: FastifyReply) => {
        const deviceId = await store.deviceByChannel(credentialHash(request.params.channel));
        if (deviceId) request.deviceId = deviceId;
        else unauthorized(reply);
      },
    },
    (request, reply) => intake(request, reply, ctx),
  );
}

async function intake(request: FastifyRequest, reply: FastifyReply, ctx: RelayContext) {
  const { store, metrics } = ctx;
  const started = performance.now();
  const receivedAt = ctx.now();
  const webhook = classifyWebhook(request.body, receivedAt);
  if (!webhook.ok) {
    metrics.rejected.inc({ reason: 'malformed' });
    return sendError(reply, 400, 'invalid_input', 'The body is not a valid Pluggy webhook event.', {
      problems: webhook.problems,
    });
  }
  // A channel URL is the device's own capability: its webhooks go to that device and no other.
  const deviceIds = request.deviceId
    ? [request.deviceId]
    : await store.routeEvent({
        clientUserId: webhook.clientUserId,
        itemId: webhook.itemId,
        connectorId: webhook.connectorId,
      });
  const stored = await store.append({
    eventId: webhook.eventId,
    // A channel URL dedupes within its own device: it can never pre-empt an eventId meant for another.
    dedupeKey: request.deviceId ? `${webhook.eventId}@channel:${request.deviceId}` : webhook.eventId,
    event: webhook.event,
    known: webhook.known,
    payload: webhook.payload,
    receivedAt,
    deviceIds,
  });
  metrics.storeSeconds.observe((performance.now() - started) / 1000);
  if (!stored) metrics.duplicates.inc();
  else {
    metrics.received.inc({ known: String(webhook.known) });
    if (deviceIds.length === 0) metrics.unrouted.inc();
  }
  return reply.code(200).send({ ok: true, eventId: webhook.eventId, duplicate: !stored });
}
