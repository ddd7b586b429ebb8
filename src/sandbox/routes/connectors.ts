// GET /connectors (filters, sandbox=true), GET /connectors/{id}, POST /connectors/{id}/validate.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Connector, ConnectorCredential } from '../../shared/pluggy';
import type { SandboxContext } from '../context';
import { CONNECTORS, findConnector } from '../data/connectors';
import { withIcon } from '../data/connector-icons';
import { ApiError, notFound, validationError } from '../http/api-error';

const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter((s) => s !== ''));
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

const ConnectorQuery = z.object({
  name: z.string().optional(),
  countries: list.optional(),
  types: list.optional(),
  sandbox: bool.optional(),
  isOpenFinance: bool.optional(),
  supportsPaymentInitiation: bool.optional(),
});

const IdParam = z.object({ id: z.coerce.number().int().min(0) });
const DetailsQuery = z.object({ healthDetails: bool.optional() });
const SIX_HOURS_MS = 6 * 3_600_000;

export function connectorById(raw: unknown): Connector {
  const params = IdParam.safeParse(raw);
  if (!params.success) throw new ApiError(400, 'Connector id must be a number');
  const connector = findConnector(params.data.id);
  if (!connector) throw notFound('Connector');
  return connector;
}

/** The connector as answered: its logo on the sandbox's address, the status the admin route gave it, if any. */
function withStatus(ctx: SandboxContext, connector: Connector): Connector {
  const status = ctx.store.connectorStatus.get(connector.id);
  const shown = withIcon(connector, ctx.baseUrl());
  return status ? { ...shown, health: { ...shown.health, status } } : shown;
}

/**
 * `health.details` (only with `healthDetails=true`): this client's executions at the connector in the last
 * 6 hours and the share that reached the bank; the rate is left out when there were none (the spec's null).
 */
function healthDetails(ctx: SandboxContext, connectorId: number) {
  const since = ctx.clock.now() - SIX_HOURS_MS;
  let total = 0;
  let connected = 0;
  for (const record of ctx.store.items.values()) {
    const ended = Date.parse(record.lastExecutionEndedAt ?? '');
    if (record.item.connectorId !== connectorId || !(ended >= since)) continue;
    total += 1;
    const code = record.item.error?.code;
    if (code !== 'SITE_NOT_AVAILABLE' && code !== 'CONNECTION_ERROR' && code !== 'UNEXPECTED_ERROR')
      connected += 1;
  }
  return {
    connectionsLast6Hours: total,
    ...(total > 0 ? { connectionRateLast6Hours: Math.round((connected / total) * 1000) / 10 } : {}),
  };
}

/** Validation errors of a credential map against a connector's credentials (like POST /connectors/{id}/validate). */
export function credentialErrors(connector: Connector, parameters: Record<string, string>) {
  const errors: { code: string; message: string; parameter: string }[] = [];
  const check = (cred: ConnectorCredential) => {
    const value = parameters[cred.name];
    if (value === undefined || value === '') {
      if (!cred.optional)
        errors.push({ code: '001', message: `${cred.label} is required`, parameter: cred.name });
      return;
    }
    if (cred.validation && !new RegExp(cred.validation).test(value)) {
      errors.push({
        code: '002',
        message: cred.validationMessage ?? `${cred.label} is invalid`,
        parameter: cred.name,
      });
    }
  };
  (connector.credentials ?? []).forEach(check);
  return errors;
}

export function connectorRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/connectors', { config: { access: 'connect' } }, async (request) => {
    const query = ConnectorQuery.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    const q = query.data;
    const results = CONNECTORS.filter(
      (c) =>
        (q.sandbox === true || !c.isSandbox) &&
        (q.name === undefined || c.name.toLowerCase().includes(q.name.toLowerCase())) &&
        (q.countries === undefined || q.countries.includes(c.country ?? '')) &&
        (q.types === undefined || q.types.includes(c.type ?? '')) &&
        (q.isOpenFinance === undefined || c.isOpenFinance === q.isOpenFinance) &&
        (q.supportsPaymentInitiation === undefined ||
          c.supportsPaymentInitiation === q.supportsPaymentInitiation),
    );
    return { results: results.map((c) => withStatus(ctx, c)), page: 1, total: results.length, totalPages: 1 };
  });

  app.get('/connectors/:id', { config: { access: 'connect' } }, async (request) => {
    const connector = withStatus(ctx, connectorById(request.params));
    const query = DetailsQuery.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    if (query.data.healthDetails !== true) return connector;
    return { ...connector, health: { ...connector.health, details: healthDetails(ctx, connector.id) } };
  });

  app.post('/connectors/:id/validate', { config: { access: 'connect' } }, async (request) => {
    const connector = connectorById(request.params);
    const body = z.record(z.string(), z.string()).safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    return { parameters: body.data, errors: credentialErrors(connector, body.data) };
  });
}
