// Errors a handler throws to answer with Pluggy's error body `{ code, codeDescription?, message, ... }`.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ErrorBody, ErrorDetail } from '../../shared/pluggy';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly codeDescription?: string,
    readonly extra: Partial<ErrorBody> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return {
      code: this.status,
      message: this.message,
      ...(this.codeDescription ? { codeDescription: this.codeDescription } : {}),
      ...this.extra,
    };
  }
}

/** As the spec's examples: `{ code: 404, codeDescription: "ITEM_NOT_FOUND", message: "item not found" }`. */
export const notFound = (what: string) =>
  new ApiError(404, `${what.toLowerCase()} not found`, `${what.toUpperCase()}_NOT_FOUND`);

/** A 400 with the legacy per-parameter `details`, built from a zod failure. */
export function validationError(error: z.ZodError, codeDescription?: string): ApiError {
  const details: ErrorDetail[] = error.issues.map((issue) => ({
    code: issue.code,
    parameter: issue.path.join('.') || null,
    message: issue.message,
  }));
  const first = details[0];
  const message = first ? `${first.parameter ?? 'body'}: ${first.message}` : 'Invalid request';
  return new ApiError(400, message, codeDescription, { details });
}

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(error.status).type('application/json').send(error.body());
}

/** Maps every failure (ours, Fastify's body parsing, size limits, unknown routes) to the documented body. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ApiError) return sendError(reply, error);
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status >= 500) {
      return sendError(
        reply,
        new ApiError(500, 'Internal server error', undefined, { errorId: randomUUID() }),
      );
    }
    const code = (error as { code?: unknown }).code;
    const message =
      code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'Request body is too large'
        : code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Content-Type must be application/json'
          : code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'Body cannot be empty when Content-Type is application/json'
            : 'Malformed JSON body';
    return sendError(reply, new ApiError(status, message));
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new ApiError(404, `Cannot ${request.method} ${request.url.split('?')[0]}`)),
  );
}
