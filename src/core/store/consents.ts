// Open Finance consents per connection, as Pluggy listed them at the last read (GET /consents?itemId=).
import type { Consent } from '../../shared/pluggy';
import type { Db } from './db';
import { prepared } from './prepared';

export interface StoredConsent {
  id: string;
  connectionId: string;
  products: string[];
  permissions: string[];
  createdAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** When Cofre last read it from Pluggy. */
  readAt: string;
}

interface ConsentRow extends Omit<StoredConsent, 'products' | 'permissions'> {
  products: string;
  permissions: string;
}

const COLUMNS = `id, connection_id AS connectionId, products, permissions, created_at AS createdAt,
  expires_at AS expiresAt, revoked_at AS revokedAt, read_at AS readAt`;

const fromRow = (row: ConsentRow): StoredConsent => ({
  ...row,
  products: JSON.parse(row.products) as string[],
  permissions: JSON.parse(row.permissions) as string[],
});

/** What has changed since the last read: consents new to Cofre, and ones now revoked or expiring otherwise. */
export interface ConsentChanges {
  added: number;
  changed: number;
  removed: number;
}

/**
 * Replaces the connection's consents with Pluggy's list (the whole list for the item). Only consents of this
 * item are kept: a row naming another item is not this connection's to store.
 */
export function replaceConsents(
  db: Db,
  connectionId: string,
  consents: readonly Consent[],
  at: string,
): ConsentChanges {
  return db
    .transaction((): ConsentChanges => {
      const before = new Map(listConsents(db, connectionId).map((c) => [c.id, c]));
      const mine = consents.filter((c) => c.itemId === connectionId);
      const changes: ConsentChanges = { added: 0, changed: 0, removed: 0 };
      const upsert = prepared(
        db,
        `INSERT INTO consents (id, connection_id, products, permissions, created_at, expires_at, revoked_at, read_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET products = excluded.products, permissions = excluded.permissions,
           created_at = excluded.created_at, expires_at = excluded.expires_at, revoked_at = excluded.revoked_at,
           read_at = excluded.read_at
         WHERE connection_id = excluded.connection_id`,
      );
      for (const c of mine) {
        const old = before.get(c.id);
        before.delete(c.id);
        if (!old) changes.added += 1;
        else if (old.expiresAt !== (c.expiresAt ?? null) || old.revokedAt !== (c.revokedAt ?? null))
          changes.changed += 1;
        upsert.run(
          c.id,
          connectionId,
          JSON.stringify(c.products ?? []),
          JSON.stringify(c.openFinancePermissionsGranted ?? []),
          c.createdAt ?? null,
          c.expiresAt ?? null,
          c.revokedAt ?? null,
          at,
        );
      }
      const drop = prepared(db, 'DELETE FROM consents WHERE id = ? AND connection_id = ?');
      for (const id of before.keys()) changes.removed += drop.run(id, connectionId).changes;
      return changes;
    })
    .immediate();
}

/** Oldest first (by when granted). */
export function listConsents(db: Db, connectionId: string): StoredConsent[] {
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM consents WHERE connection_id = ? ORDER BY created_at, id`,
  ).all(connectionId) as ConsentRow[];
  return rows.map(fromRow);
}

/**
 * The consent in force: the newest one not revoked; else the newest one (revoked), so the person sees why
 * nothing comes any more. Null when Pluggy listed none.
 */
export function currentConsent(db: Db, connectionId: string): StoredConsent | null {
  const all = listConsents(db, connectionId);
  return [...all].reverse().find((c) => c.revokedAt === null) ?? all.at(-1) ?? null;
}
