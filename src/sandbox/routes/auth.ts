// POST /auth (apiKey) and POST /connect_token (plus the Java SDK's legacy /connecttokens alias).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AuthRequest,
  ConnectTokenRequest,
  type AuthResponse,
  type ConnectTokenResponse,
} from '../../shared/pluggy';
import type { SandboxContext } from '../context';
import { itemFor } from '../context';
import { ApiError, validationError } from '../http/api-error';
import { webhookUrlProblem } from '../webhooks/url-rules';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function authRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/auth', { config: { access: 'public' } }, async (request): Promise<AuthResponse> => {
    const body = AuthRequest.safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    const { clientId, clientSecret } = body.data;
    if (!sameSecret(clientId, ctx.options.clientId) || !sameSecret(clientSecret, ctx.options.clientSecret)) {
      throw new ApiError(401, 'Client keys are invalid', 'CLIENT_KEYS_UNAUTHORIZED');
    }
    return { apiKey: ctx.credentials.issueApiKey() };
  });

  const connectToken = async (request: FastifyRequest): Promise<ConnectTokenResponse> => {
    const body = ConnectTokenRequest.safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    const { itemId, options = {} } = body.data;
    if (itemId !== undefined) itemFor(ctx, itemId, request.principal);
    if (options.webhookUrl !== undefined) {
      const problem = webhookUrlProblem(options.webhookUrl, ctx.options.strictWebhookUrls);
      if (problem) throw new ApiError(400, problem);
    }
    return { accessToken: ctx.credentials.issueConnectToken(itemId, options) };
  };
  app.post('/connect_token', { config: { access: 'apiKey' } }, connectToken);
  app.post('/connecttokens', { config: { access: 'apiKey' } }, connectToken);
}
