// Connections (Pluggy items): upsert from an item, list, get, and delete with data or archive.
import type { Item } from '../../shared/pluggy';
import { AppError } from '../../shared/errors';
import type { Db } from './db';
import { nowIso, prepared } from './prepared';
import { isoOrNull, isoTimestamp, rawJson } from './raw-json';

export interface StoredConnection {
  id: string;
  connectorId: number;
  connectorName: string;
  connectorImageUrl: string | null;
  connectorPrimaryColor: string | null;
  isOpenFinance: boolean;
  status: string;
  executionStatus: string;
  errorCode: string | null;
  errorMessage: string | null;
  consentExpiresAt: string | null;
  /** Pluggy's last successful sync with the institution. */
  lastUpdatedAt: string | null;
  nextAutoSyncAt: string | null;
  clientUserId: string | null;
  pluggyCreatedAt: string;
  pluggyUpdatedAt: string;
  firstSeenAt: string;
  changedAt: string;
  /** Set when the link was removed at Pluggy but its data kept here. */
  archivedAt: string | null;
  /** The person's own name for the link; Pluggy's updates never touch it. */
  nickname: string | null;
}

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

const COLUMNS = `id, connector_id AS connectorId, connector_name AS connectorName,
  connector_image_url AS connectorImageUrl, connector_primary_color AS connectorPrimaryColor,
  is_open_finance AS isOpenFinance, status, execution_status AS executionStatus, error_code AS errorCode,
  error_message AS errorMessage, consent_expires_at AS consentExpiresAt, last_updated_at AS lastUpdatedAt,
  next_auto_sync_at AS nextAutoSyncAt, client_user_id AS clientUserId, pluggy_created_at AS pluggyCreatedAt,
  pluggy_updated_at AS pluggyUpdatedAt, first_seen_at AS firstSeenAt, changed_at AS changedAt,
  archived_at AS archivedAt, nickname`;

const UPSERT_SQL = `INSERT INTO connections (id, connector_id, connector_name, connector_image_url,
  connector_primary_color, is_open_finance, status, execution_status, error_code, error_message,
  consent_expires_at, last_updated_at, next_auto_sync_at, client_user_id, pluggy_created_at, pluggy_updated_at,
  first_seen_at, changed_at, raw_hash, raw)
VALUES (@id, @connector_id, @connector_name, @connector_image_url, @connector_primary_color, @is_open_finance,
  @status, @execution_status, @error_code, @error_message, @consent_expires_at, @last_updated_at,
  @next_auto_sync_at, @client_user_id, @pluggy_created_at, @pluggy_updated_at, @at, @at, @raw_hash, @raw)
ON CONFLICT (id) DO UPDATE SET connector_id = excluded.connector_id, connector_name = excluded.connector_name,
  connector_image_url = excluded.connector_image_url, connector_primary_color = excluded.connector_primary_color,
  is_open_finance = excluded.is_open_finance, status = excluded.status,
  execution_status = excluded.execution_status, error_code = excluded.error_code,
  error_message = excluded.error_message, consent_expires_at = excluded.consent_expires_at,
  last_updated_at = excluded.last_updated_at, next_auto_sync_at = excluded.next_auto_sync_at,
  client_user_id = excluded.client_user_id, pluggy_created_at = excluded.pluggy_created_at,
  pluggy_updated_at = excluded.pluggy_updated_at, changed_at = excluded.changed_at,
  raw_hash = excluded.raw_hash, raw = excluded.raw
WHERE connections.raw_hash IS NOT excluded.raw_hash`;

/** Stores what Pluggy says about an item; an archived connection stays archived. */
export function upsertConnection(db: Db, item: Item, at: string = nowIso()): UpsertOutcome {
  if (typeof item.id !== 'string' || item.id.length === 0) {
    throw new AppError('invalid_input', 'The item has no id.');
  }
  const raw = rawJson(item);
  const existed = prepared(db, 'SELECT 1 FROM connections WHERE id = ?').get(item.id) !== undefined;
  const result = prepared(db, UPSERT_SQL).run({
    id: item.id,
    connector_id: item.connector.id,
    connector_name: item.connector.name,
    connector_image_url: item.connector.imageUrl ?? null,
    connector_primary_color: item.connector.primaryColor ?? null,
    is_open_finance: item.connector.isOpenFinance ? 1 : 0,
    status: item.status,
    execution_status: item.executionStatus,
    error_code: item.error?.code ?? null,
    error_message: item.error?.message ?? null,
    consent_expires_at: isoOrNull(item.consentExpiresAt, 'consentExpiresAt', item.id),
    last_updated_at: isoOrNull(item.lastUpdatedAt, 'lastUpdatedAt', item.id),
    next_auto_sync_at: isoOrNull(item.nextAutoSyncAt, 'nextAutoSyncAt', item.id),
    client_user_id: item.clientUserId ?? null,
    pluggy_created_at: isoTimestamp(item.createdAt, 'createdAt', item.id),
    pluggy_updated_at: isoTimestamp(item.updatedAt, 'updatedAt', item.id),
    at,
    raw_hash: raw.hash,
    raw: raw.text,
  });
  if (!existed) return 'inserted';
  return result.changes > 0 ? 'updated' : 'unchanged';
}

interface ConnectionRow extends Omit<StoredConnection, 'isOpenFinance'> {
  isOpenFinance: number;
}

function fromRow(row: ConnectionRow): StoredConnection {
  return { ...row, isOpenFinance: row.isOpenFinance === 1 };
}

export function getConnection(db: Db, id: string): StoredConnection | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM connections WHERE id = ?`).get(id) as
    ConnectionRow | undefined;
  return row ? fromRow(row) : null;
}

/** The last Pluggy item stored for this connection, as received (fields we do not index included). */
export function getConnectionItem(db: Db, id: string): Item | null {
  const row = prepared(db, 'SELECT raw FROM connections WHERE id = ?').get(id) as { raw: string } | undefined;
  return row ? (JSON.parse(row.raw) as Item) : null;
}

export interface ListConnectionsOptions {
  includeArchived?: boolean;
}

/** Connections in the order they were first linked. */
export function listConnections(db: Db, options: ListConnectionsOptions = {}): StoredConnection[] {
  const where = options.includeArchived ? '' : 'WHERE archived_at IS NULL';
  const rows = prepared(db, `SELECT ${COLUMNS} FROM connections ${where} ORDER BY first_seen_at, id`).all();
  return (rows as ConnectionRow[]).map(fromRow);
}

export type DeleteMode = 'purge' | 'archive';

/**
 * `purge` deletes the connection and, by cascade, its accounts, transactions, runs, retries and notices;
 * `archive` keeps everything and hides it from the default list. Returns false when the id is unknown.
 */
export function deleteConnection(db: Db, id: string, mode: DeleteMode, at: string = nowIso()): boolean {
  if (mode === 'purge') {
    return db
      .transaction(() => prepared(db, 'DELETE FROM connections WHERE id = ?').run(id).changes > 0)
      .immediate();
  }
  return db
    .transaction(() => {
      const result = prepared(
        db,
        'UPDATE connections SET archived_at = coalesce(archived_at, ?) WHERE id = ?',
      ).run(at, id);
      // Nothing is retried for a link the user removed (or Pluggy deleted): its history only stays readable.
      prepared(db, 'DELETE FROM retry_queue WHERE connection_id = ?').run(id);
      return result.changes > 0;
    })
    .immediate();
}

/** Brings an archived connection back (reconnecting it keeps its history instead of a second copy). */
export function unarchiveConnection(db: Db, id: string): boolean {
  return (
    prepared(db, 'UPDATE connections SET archived_at = NULL WHERE id = ? AND archived_at IS NOT NULL').run(id)
      .changes > 0
  );
}

/** How many live accounts a connection has. */
export function countLiveAccounts(db: Db, connectionId: string): number {
  const row = prepared(
    db,
    'SELECT count(*) AS n FROM accounts WHERE connection_id = ? AND removed_at IS NULL',
  ).get(connectionId) as { n: number };
  return row.n;
}

/** Sets (or, with null, removes) the person's name for a link. Returns false when the id is unknown. */
export function setConnectionNickname(db: Db, id: string, nickname: string | null): boolean {
  return prepared(db, 'UPDATE connections SET nickname = ? WHERE id = ?').run(nickname, id).changes > 0;
}
