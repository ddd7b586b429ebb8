// The operator's routes: the admin token (Authorization: Bearer), compared in constant time.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, matchesAnySecret } from '../credentials';
import type { RelayConfig } from '../config';
import { sendError } from './context';

/** Sends the refusal and returns true when the request does not carry the admin token. */
export function refuseNonAdmin(
  config: Pick<RelayConfig, 'adminToken'>,
  request: FastifyRequest,
  reply: FastifyReply,
  what: string,
): boolean {
  if (!config.adminToken) {
    sendError(reply, 503, 'not_configured', `${what} is off: RELAY_ADMIN_TOKEN is not set.`);
    return true;
  }
  if (!matchesAnySecret(bearerToken(request.headers.authorization), [config.adminToken])) {
    sendError(reply, 401, 'unauthorized', 'The admin token is required (Authorization: Bearer).');
    return true;
  }
  return false;
}
