// Pluggy's per-endpoint, per-IP, per-minute windows: 429 with RateLimit-* headers and Retry-After: 60.
// Hand-written rather than @fastify/rate-limit because Pluggy's headers (a fixed Retry-After of 60) and its
// body differ from that plugin's, and the window must follow the sandbox clock.
import type { FastifyReply } from 'fastify';
import type { Clock } from '../clock';
import { ApiError, sendError } from './api-error';

const WINDOW_MS = 60_000;

export const TOO_MANY = 'Too many requests. Please try again later (see Retry-After header in seconds)';

export function sendTooMany(reply: FastifyReply, limit: number, resetSeconds: number): FastifyReply {
  reply.header('RateLimit-Limit', String(limit));
  reply.header('RateLimit-Remaining', '0');
  reply.header('RateLimit-Reset', String(resetSeconds));
  reply.header('Retry-After', '60');
  return sendError(reply, new ApiError(429, TOO_MANY));
}

export class RateLimiter {
  private windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    private readonly limits: Record<string, number>,
    private readonly clock: Clock,
  ) {}

  /** Counts the request; answers 429 and returns true when over the limit. */
  check(route: string, ip: string, reply: FastifyReply): boolean {
    const limit = this.limits[route];
    if (limit === undefined) return false;
    const now = this.clock.now();
    const key = `${route}|${ip}`;
    let window = this.windows.get(key);
    if (!window || now - window.startMs >= WINDOW_MS) {
      window = { startMs: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    const resetSeconds = Math.max(1, Math.ceil((window.startMs + WINDOW_MS - now) / 1000));
    if (window.count > limit) {
      sendTooMany(reply, limit, resetSeconds);
      return true;
    }
    reply.header('RateLimit-Limit', String(limit));
    reply.header('RateLimit-Remaining', String(limit - window.count));
    reply.header('RateLimit-Reset', String(resetSeconds));
    return false;
  }
}
