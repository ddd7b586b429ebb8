// Issues and checks apiKeys and connect tokens (JWTs) and decides who may call what.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ConnectTokenOptions } from '../../shared/pluggy';
import type { Clock } from '../clock';
import { ApiError } from './api-error';
import { signJwt, verifyJwt } from './jwt';

export type Principal =
  | { kind: 'apiKey'; issuedAtMs: number }
  | { kind: 'connectToken'; tokenId: string; itemId: string | null; options: ConnectTokenOptions };

/** Who a route admits: no one checked, apiKeys only, or apiKeys and connect tokens. */
export type Access = 'public' | 'apiKey' | 'connect';

export interface CredentialsConfig {
  clientId: string;
  apiKeyTtlSeconds: number;
  connectTokenTtlSeconds: number;
}

export class Credentials {
  private readonly secret = randomBytes(32);
  /** apiKeys issued at or before this instant count as expired (forced expiry fault). */
  private revokedBeforeMs = 0;

  constructor(
    private readonly config: CredentialsConfig,
    private readonly clock: Clock,
  ) {}

  issueApiKey(): string {
    const now = this.clock.now();
    return signJwt(
      {
        typ: 'apiKey',
        clientId: this.config.clientId,
        jti: randomUUID(),
        // iatMs: the exact issue instant, so a forced expiry revokes exactly the keys issued before it.
        iatMs: now,
        iat: Math.floor(now / 1000),
        exp: Math.floor(now / 1000) + this.config.apiKeyTtlSeconds,
      },
      this.secret,
    );
  }

  issueConnectToken(itemId: string | undefined, options: ConnectTokenOptions): string {
    const now = this.clock.now();
    return signJwt(
      {
        typ: 'connectToken',
        clientId: this.config.clientId,
        jti: randomUUID(),
        itemId: itemId ?? null,
        options,
        iat: Math.floor(now / 1000),
        exp: Math.floor(now / 1000) + this.config.connectTokenTtlSeconds,
      },
      this.secret,
    );
  }

  revokeAllApiKeys(): void {
    this.revokedBeforeMs = this.clock.now();
  }

  /** Reads X-API-KEY; throws the documented 401/403 bodies. */
  authenticate(request: FastifyRequest, access: Exclude<Access, 'public'>): Principal {
    const header = request.headers['x-api-key'];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) throw new ApiError(403, 'Missing authorization header X-API-KEY');
    const check = verifyJwt(token, this.secret, this.clock.now());
    if (!check.ok) {
      if (check.reason === 'expired') throw new ApiError(401, 'Expired authorization token');
      throw new ApiError(403, 'Invalid authorization token');
    }
    const claims = check.claims;
    if (claims.clientId !== this.config.clientId) throw new ApiError(403, 'Invalid authorization token');
    if (claims.typ === 'apiKey') {
      const issuedAtMs = typeof claims.iatMs === 'number' ? claims.iatMs : claims.iat * 1000;
      if (issuedAtMs <= this.revokedBeforeMs) throw new ApiError(401, 'Expired authorization token');
      return { kind: 'apiKey', issuedAtMs };
    }
    if (claims.typ !== 'connectToken') throw new ApiError(403, 'Invalid authorization token');
    if (access !== 'connect')
      throw new ApiError(403, 'Forbidden: a connect token cannot access this resource');
    return {
      kind: 'connectToken',
      tokenId: String(claims.jti),
      itemId: typeof claims.itemId === 'string' ? claims.itemId : null,
      options: (claims.options ?? {}) as ConnectTokenOptions,
    };
  }
}
