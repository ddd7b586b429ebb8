// GET /v1/admin/status (secret ages, admin token) and GET /v1/devices/me/status (only "rotation due").
import type { FastifyInstance } from 'fastify';
import type { AdminStatus, DeviceStatus } from '../../shared/relay/wire';
import { ROTATE_AFTER_DAYS, type SecretAges } from '../secret-ages';
import { refuseNonAdmin } from './admin-auth';
import type { RelayContext } from './context';
import type { DeviceGuards } from './device-auth';

export function registerStatusRoutes(
  app: FastifyInstance,
  ctx: RelayContext,
  guards: DeviceGuards,
  secretAges: SecretAges,
): void {
  app.get('/v1/admin/status', async (request, reply) => {
    if (refuseNonAdmin(ctx.config, request, reply, 'The admin status')) return reply;
    const secrets = secretAges.ages();
    const status: AdminStatus = {
      store: ctx.store.kind,
      rotateAfterDays: ROTATE_AFTER_DAYS,
      secrets,
      rotationDue: secrets.some((s) => s.rotationDue),
    };
    return reply.header('cache-control', 'no-store').send(status);
  });

  app.get(
    '/v1/devices/me/status',
    { preParsing: guards.authenticate, preHandler: guards.limitPerDevice },
    async (_request, reply) => {
      const status: DeviceStatus = { secretRotationDue: secretAges.rotationDue() };
      return reply.header('cache-control', 'no-store').send(status);
    },
  );
}
