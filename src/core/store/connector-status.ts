// The last status Pluggy reported for each bank connector (connector/status_updated): the bank's health.
import { getAppState, setAppState } from './app-state';
import type { Db } from './db';

export interface ConnectorStatus {
  connectorId: number;
  /** ONLINE, UNSTABLE, OFFLINE, or a value Pluggy adds later. */
  status: string;
  /** When Cofre received the report. */
  at: string;
}

const key = (connectorId: number) => `connector.status.${connectorId}`;

export function setConnectorStatus(db: Db, report: ConnectorStatus): void {
  setAppState(db, key(report.connectorId), report, report.at);
}

export function getConnectorStatus(db: Db, connectorId: number): ConnectorStatus | null {
  return getAppState<ConnectorStatus>(db, key(connectorId));
}
