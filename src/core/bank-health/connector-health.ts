// Reads a bank's health from Pluggy (GET /connectors/{id}?healthDetails=true) and keeps it, apart from links.
import type { Connector } from '../../shared/pluggy';
import type { Logger } from '../logging/logger';
import type { PluggyClient } from '../pluggy';
import { getConnectorStatus, setConnectorStatus, type ConnectorStatus, type HealthSource } from '../store';
import type { Db } from '../store/db';

export type HealthApi = Pick<PluggyClient, 'getConnectorHealth'>;

/** Stores the health a connector object carries (status and, when asked for, its details). */
export function recordConnectorHealth(
  db: Db,
  connector: Connector,
  at: string,
  source: HealthSource,
): ConnectorStatus | null {
  const status = connector.health?.status;
  if (!status) return null;
  const details = connector.health?.details;
  return setConnectorStatus(db, {
    connectorId: connector.id,
    status,
    at,
    source,
    connectionRate: details?.connectionRateLast6Hours ?? null,
    connections6h: details?.connectionsLast6Hours ?? null,
  });
}

export interface CheckDeps {
  db: Db;
  api: Partial<HealthApi>;
  logger: Logger;
  now: () => number;
}

/**
 * Asks Pluggy how the bank is, unless Cofre heard within `maxAgeMs`. A failed check is logged and changes
 * nothing: the bank's health is a hint beside the link's own state, never a reason for a run to fail.
 */
export async function checkConnectorHealth(
  deps: CheckDeps,
  connectorId: number,
  maxAgeMs: number,
): Promise<ConnectorStatus | null> {
  const known = getConnectorStatus(deps.db, connectorId);
  if (known && deps.now() - Date.parse(known.checkedAt) < maxAgeMs) return known;
  if (!deps.api.getConnectorHealth) return known;
  try {
    const connector = await deps.api.getConnectorHealth(connectorId);
    return recordConnectorHealth(deps.db, connector, new Date(deps.now()).toISOString(), 'api') ?? known;
  } catch (error) {
    deps.logger.warn({ connectorId, err: error }, 'bank health check failed');
    return known;
  }
}
