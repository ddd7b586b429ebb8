// Device authentication (Bearer device token) and the per-device rate limit, for every /v1 device route.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, credentialHash } from '../credentials';
import { sendError, type RelayContext } from './context';

export interface DeviceGuards {
  /** preParsing hook: after the per-IP limit (onRequest), before the body is read. */
  authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** preHandler hook: counts requests per device (on top of the per-IP limit every route has). */
  limitPerDevice: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

/** Built once per relay, so all device routes share one budget per device. */
export function createDeviceGuards(app: FastifyInstance, ctx: RelayContext): DeviceGuards {
  // createRateLimit, not rateLimit(): the latter skips a request the per-IP limit already counted.
  const perDevice = app.createRateLimit({
    max: ctx.config.rateLimitDevice,
    timeWindow: 60_000,
    keyGenerator: (request) => `device:${request.deviceId ?? ''}`,
  });
  return {
    async authenticate(request, reply) {
      const token = bearerToken(request.headers.authorization);
      const deviceId = token ? await ctx.store.deviceByToken(credentialHash(token)) : undefined;
      if (deviceId) request.deviceId = deviceId;
      else sendError(reply, 401, 'unauthorized', 'A valid device token is required (Authorization: Bearer).');
    },
    async limitPerDevice(request, reply) {
      const verdict = await perDevice(request);
      if (!verdict.isAllowed && verdict.isExceeded) {
        reply.header('retry-after', verdict.ttlInSeconds);
        sendError(reply, 429, 'rate_limited', 'Too many requests from this device; slow down.');
      }
    },
  };
}

/** The authenticated device; device routes run only after `authenticate` succeeded. */
export function deviceOf(request: FastifyRequest): string {
  if (!request.deviceId) throw new Error('device route reached without an authenticated device');
  return request.deviceId;
}
