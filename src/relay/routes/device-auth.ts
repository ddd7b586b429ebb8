// Device authentication (Bearer device token) and the per-device rate limit, for every /v1 device route.
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { bearerToken, credentialHash } from '../credentials';
import { sendError, type RelayContext } from './context';

export interface DeviceGuards {
  /** preParsing hook: after the per-IP limit (onRequest), before the body is read. */
  authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** preHandler hook: counts requests per device. */
  limitPerDevice: preHandlerAsyncHookHandler;
}

export function deviceGuards(app: FastifyInstance, ctx: RelayContext): DeviceGuards {
  return {
    async authenticate(request, reply) {
      const token = bearerToken(request.headers.authorization);
      const deviceId = token ? await ctx.store.deviceByToken(credentialHash(token)) : undefined;
      if (deviceId) request.deviceId = deviceId;
      else sendError(reply, 401, 'unauthorized', 'A valid device token is required (Authorization: Bearer).');
    },
    limitPerDevice: app.rateLimit({
      max: ctx.config.rateLimitDevice,
      timeWindow: 60_000,
      keyGenerator: (request) => `device:${request.deviceId ?? ''}`,
    }),
  };
}

/** The authenticated device; device routes run only after `authenticate` succeeded. */
export function deviceOf(request: FastifyRequest): string {
  if (!request.deviceId) throw new Error('device route reached without an authenticated device');
  return request.deviceId;
}
