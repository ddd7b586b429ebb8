// Fault injection, deterministic from the seed: latency, 5xx, connection resets, no answer, 429 bursts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rngFor, type Rng } from '../data/prng';
import type { FaultOptions } from '../options';
import { ApiError, sendError } from './api-error';
import { sendTooMany } from './rate-limit';

export type FaultOutcome = 'pass' | 'handled';

export class FaultInjector {
  private readonly rng: Rng;
  private count = 0;
  private apiKeyRequests = 0;
  /** Requests held open forever (timeout fault), released on close. */
  readonly held = new Set<FastifyReply['raw']>();

  constructor(
    private readonly faults: FaultOptions | undefined,
    seed: string,
  ) {
    this.rng = rngFor(seed, 'faults');
  }

  applies(route: string): boolean {
    if (!this.faults) return false;
    if (this.faults.routes) return this.faults.routes.includes(route);
    return (
      route !== 'POST /auth' &&
      !route.includes('/__sandbox') &&
      route !== 'GET /connect' &&
      !route.startsWith('GET /connect/')
    );
  }

  /** True when this apiKey-carrying request should find every issued key expired. */
  forceExpiryNow(): boolean {
    const every = this.faults?.forceApiKeyExpiryEvery;
    if (every === undefined) return false;
    this.apiKeyRequests++;
    return this.apiKeyRequests % every === 0;
  }

  /** Applies a fault to this request or lets it through (after any latency). */
  async apply(route: string, request: FastifyRequest, reply: FastifyReply): Promise<FaultOutcome> {
    const f = this.faults;
    if (!f || !this.applies(route)) return 'pass';
    this.count++;
    const draw = this.rng();
    const jitter = this.rng();
    const delay = f.latencyMs + Math.floor(jitter * f.jitterMs);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (f.burst429) {
      const cycle = f.burst429.every + f.burst429.length;
      if ((this.count - 1) % cycle >= f.burst429.every) {
        sendTooMany(reply, f.burst429.every, 60);
        return 'handled';
      }
    }
    let edge = f.resetRate;
    if (draw < edge) {
      reply.hijack();
      request.raw.socket.destroy();
      return 'handled';
    }
    edge += f.timeoutRate;
    if (draw < edge) {
      reply.hijack();
      const raw = reply.raw;
      this.held.add(raw);
      raw.on('close', () => this.held.delete(raw));
      return 'handled';
    }
    edge += f.error5xxRate;
    if (draw < edge) {
      const status = this.count % 2 === 0 ? 503 : 500;
      sendError(
        reply,
        new ApiError(status, status === 503 ? 'Service unavailable' : 'Internal server error'),
      );
      return 'handled';
    }
    return 'pass';
  }

  releaseHeld(): void {
    for (const raw of this.held) raw.destroy();
    this.held.clear();
  }
}
