// What every route module is given: the config, the store, the waiters, the metrics, the logger and the clock.
import type { FastifyReply } from 'fastify';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { RelayConfig } from '../config';
import type { Logger } from '../logger';
import type { RelayMetrics } from '../metrics';
import type { RelayStore } from '../store/types';
import type { Waiters } from '../waiters';

export interface RelayContext {
  config: RelayConfig;
  store: RelayStore;
  waiters: Waiters;
  metrics: RelayMetrics;
  logger: Logger;
  now: () => number;
  /** Aborted when the relay shuts down, so long-polls and streams end at once. */
  shutdown: AbortSignal;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated device (device routes) or the channel's device (channel webhooks). */
    deviceId: string | null;
  }
}

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { ok: false as const, error: new AppError(code, message, details ? { details } : {}).toJSON() };
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): FastifyReply {
  return reply.code(status).send(errorBody(code, message, details));
}
