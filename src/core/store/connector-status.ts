// Each bank connector's health as Pluggy reports it (webhook or GET /connectors/{id}): the bank's state,
// kept apart from the state of the person's links to it.
import type { Db } from './db';
import { prepared } from './prepared';

export type HealthSource = 'webhook' | 'api';

export interface ConnectorStatusReport {
  connectorId: number;
  /** ONLINE, UNSTABLE, OFFLINE, or a value Pluggy adds later. */
  status: string;
  /** When Cofre received the report. */
  at: string;
  source?: HealthSource;
  /** From `healthDetails=true`; absent in webhooks. */
  connectionRate?: number | null;
  connections6h?: number | null;
}

export interface ConnectorStatus {
  connectorId: number;
  status: string;
  /** Since when the bank has been in this status, as far as Cofre knows. */
  since: string;
  /** When Cofre last heard of it. */
  checkedAt: string;
  source: HealthSource;
  connectionRate: number | null;
  connections6h: number | null;
}

const COLUMNS = `connector_id AS connectorId, status, since, checked_at AS checkedAt, source,
  connection_rate AS connectionRate, connections_6h AS connections6h`;

/** Records a report; `since` moves only when the status changes. Returns the row as stored. */
export function setConnectorStatus(db: Db, report: ConnectorStatusReport): ConnectorStatus {
  prepared(
    db,
    `INSERT INTO connector_health (connector_id, status, since, checked_at, source, connection_rate, connections_6h)
     VALUES (@connectorId, @status, @at, @at, @source, @rate, @count)
     ON CONFLICT (connector_id) DO UPDATE SET
       since = CASE WHEN connector_health.status = excluded.status THEN connector_health.since ELSE excluded.since END,
       status = excluded.status, checked_at = excluded.checked_at, source = excluded.source,
       connection_rate = COALESCE(excluded.connection_rate, connector_health.connection_rate),
       connections_6h = COALESCE(excluded.connections_6h, connector_health.connections_6h)`,
  ).run({
    connectorId: report.connectorId,
    status: report.status,
    at: report.at,
    source: report.source ?? 'webhook',
    rate: report.connectionRate ?? null,
    count: report.connections6h ?? null,
  });
  return getConnectorStatus(db, report.connectorId)!;
}

export function getConnectorStatus(db: Db, connectorId: number): ConnectorStatus | null {
  return (
    (prepared(db, `SELECT ${COLUMNS} FROM connector_health WHERE connector_id = ?`).get(connectorId) as
      ConnectorStatus | undefined) ?? null
  );
}

export function listConnectorStatuses(db: Db): ConnectorStatus[] {
  return prepared(
    db,
    `SELECT ${COLUMNS} FROM connector_health ORDER BY connector_id`,
  ).all() as ConnectorStatus[];
}
