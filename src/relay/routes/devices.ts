// POST /v1/devices (admin token), DELETE /v1/devices/me, PUT /v1/devices/me/items (items and connectors).
import type { FastifyInstance } from 'fastify';
import { credentialHash, newDeviceCredentials } from '../credentials';
import {
  RegisterDeviceRequest,
  SetDeviceItemsRequest,
  type DeviceRegistration,
} from '../../shared/relay/wire';
import { refuseNonAdmin } from './admin-auth';
import { sendError, type RelayContext } from './context';
import { deviceOf, type DeviceGuards } from './device-auth';
import { connectorRoutingKey } from '../store/types';

export function registerDeviceRoutes(app: FastifyInstance, ctx: RelayContext, guards: DeviceGuards): void {
  const { config, store } = ctx;
  const deviceRoute = { preParsing: guards.authenticate, preHandler: guards.limitPerDevice };

  app.post('/v1/devices', { bodyLimit: 4096 }, async (request, reply) => {
    if (refuseNonAdmin(config, request, reply, 'Device registration')) return reply;
    const body = RegisterDeviceRequest.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, 400, 'invalid_input', 'Expected { label?: string }.');
    const base = config.publicUrl ?? loopbackBase(request.protocol, request.host);
    if (!base) {
      return sendError(
        reply,
        503,
        'not_configured',
        'Set RELAY_PUBLIC_URL: without it this relay builds channel URLs only for a loopback Host.',
      );
    }
    const credentials = newDeviceCredentials();
    await store.createDevice({
      deviceId: credentials.deviceId,
      tokenHash: credentialHash(credentials.token),
      channelHash: credentialHash(credentials.channel),
      label: body.data.label,
      createdAt: ctx.now(),
    });
    const registration: DeviceRegistration = {
      deviceId: credentials.deviceId,
      token: credentials.token,
      channelUrl: `${base}/hooks/pluggy/${credentials.channel}`,
    };
    ctx.logger.info({ deviceId: credentials.deviceId }, 'device registered');
    return reply.code(201).header('cache-control', 'no-store').send(registration);
  });

  app.delete('/v1/devices/me', deviceRoute, async (request, reply) => {
    const deviceId = deviceOf(request);
    await store.deleteDevice(deviceId);
    ctx.logger.info({ deviceId }, 'device removed');
    return reply.code(204).send();
  });

  app.put('/v1/devices/me/items', { ...deviceRoute, bodyLimit: 128 * 1024 }, async (request, reply) => {
    const body = SetDeviceItemsRequest.safeParse(request.body);
    if (!body.success) {
      return sendError(
        reply,
        400,
        'invalid_input',
        'Expected { itemIds: string[], connectorIds?: number[] } (at most 1000 each).',
      );
    }
    const itemIds = [...new Set(body.data.itemIds)];
    const connectorIds = [...new Set(body.data.connectorIds ?? [])];
    const deviceId = deviceOf(request);
    const { refused } = await store.setDeviceItems(deviceId, [
      ...itemIds,
      ...connectorIds.map(connectorRoutingKey),
    ]);
    if (refused.length > 0) {
      ctx.logger.warn(
        { deviceId, refused: refused.length },
        'item claims refused: registered by another device',
      );
    }
    return reply.send({ itemIds: itemIds.filter((id) => !refused.includes(id)), connectorIds, refused });
  });
}

const LOOPBACK_HOST = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])(?::\d{1,5})?$/i;

/** The request's own base URL, only when its Host is a loopback name (a local relay). */
function loopbackBase(protocol: string, host: string): string | null {
  return LOOPBACK_HOST.test(host) ? `${protocol}://${host}` : null;
}
