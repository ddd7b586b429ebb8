// Accounts of a connection: upsert what Pluggy lists, mark the ones that vanished, list and get.
import type { Account } from '../../shared/pluggy';
import { AppError } from '../../shared/errors';
import { toCentavos } from '../../shared/money';
import type { Db } from './db';
import { nowIso, prepared } from './prepared';
import { isoOrNull, rawJson } from './raw-json';
import type { UpsertCounts } from './transactions/upsert';

export interface StoredAccount {
  id: string;
  connectionId: string;
  type: string;
  subtype: string | null;
  number: string | null;
  name: string;
  marketingName: string | null;
  owner: string | null;
  taxNumber: string | null;
  /** Centavos, as Pluggy signs it (on a card: what is owed, positive). */
  balance: number;
  currencyCode: string;
  /** Centavos. */
  creditLimit: number | null;
  /** Centavos. */
  availableCreditLimit: number | null;
  balanceCloseDate: string | null;
  balanceDueDate: string | null;
  pluggyCreatedAt: string | null;
  pluggyUpdatedAt: string | null;
  firstSeenAt: string;
  changedAt: string;
  removedAt: string | null;
}

const COLUMNS = `id, connection_id AS connectionId, type, subtype, number, name, marketing_name AS marketingName,
  owner, tax_number AS taxNumber, balance, currency_code AS currencyCode, credit_limit AS creditLimit,
  available_credit_limit AS availableCreditLimit, balance_close_date AS balanceCloseDate,
  balance_due_date AS balanceDueDate, pluggy_created_at AS pluggyCreatedAt, pluggy_updated_at AS pluggyUpdatedAt,
  first_seen_at AS firstSeenAt, changed_at AS changedAt, removed_at AS removedAt`;

const UPSERT_SQL = `INSERT INTO accounts (id, connection_id, type, subtype, number, name, marketing_name, owner,
  tax_number, balance, currency_code, credit_limit, available_credit_limit, balance_close_date, balance_due_date,
  pluggy_created_at, pluggy_updated_at, first_seen_at, changed_at, raw_hash, raw)
VALUES (@id, @connection_id, @type, @subtype, @number, @name, @marketing_name, @owner, @tax_number, @balance,
  @currency_code, @credit_limit, @available_credit_limit, @balance_close_date, @balance_due_date,
  @pluggy_created_at, @pluggy_updated_at, @at, @at, @raw_hash, @raw)
ON CONFLICT (id) DO UPDATE SET connection_id = excluded.connection_id, type = excluded.type,
  subtype = excluded.subtype, number = excluded.number, name = excluded.name,
  marketing_name = excluded.marketing_name, owner = excluded.owner, tax_number = excluded.tax_number,
  balance = excluded.balance, currency_code = excluded.currency_code, credit_limit = excluded.credit_limit,
  available_credit_limit = excluded.available_credit_limit, balance_close_date = excluded.balance_close_date,
  balance_due_date = excluded.balance_due_date, pluggy_created_at = excluded.pluggy_created_at,
  pluggy_updated_at = excluded.pluggy_updated_at, changed_at = excluded.changed_at, removed_at = NULL,
  raw_hash = excluded.raw_hash, raw = excluded.raw
WHERE accounts.raw_hash IS NOT excluded.raw_hash OR accounts.removed_at IS NOT NULL`;

function optionalCentavos(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? toCentavos(v) : null;
}

/** Stores a connection's accounts in one transaction; the connection must be stored first. */
export function upsertAccounts(
  db: Db,
  connectionId: string,
  accounts: readonly Account[],
  at: string = nowIso(),
): UpsertCounts {
  for (const a of accounts) {
    if (typeof a.id !== 'string' || a.id.length === 0)
      throw new AppError('invalid_input', 'An account has no id.');
    if (a.itemId !== connectionId) {
      throw new AppError('invalid_input', `Account ${a.id} belongs to another item.`, {
        details: { accountId: a.id, itemId: a.itemId, connectionId },
      });
    }
  }
  if (!prepared(db, 'SELECT 1 FROM connections WHERE id = ?').get(connectionId)) {
    throw new AppError('not_found', 'Store the connection before its accounts.', {
      details: { connectionId },
    });
  }
  const exists = prepared(db, 'SELECT 1 FROM accounts WHERE id = ?');
  const upsert = prepared(db, UPSERT_SQL);
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  db.transaction(() => {
    for (const a of accounts) {
      const existed = exists.get(a.id) !== undefined;
      const raw = rawJson(a);
      const changes = upsert.run({
        id: a.id,
        connection_id: connectionId,
        type: a.type,
        subtype: a.subtype ?? null,
        number: a.number ?? null,
        name: a.name,
        marketing_name: a.marketingName ?? null,
        owner: a.owner ?? null,
        tax_number: a.taxNumber ?? null,
        balance: toCentavos(a.balance),
        currency_code: a.currencyCode,
        credit_limit: optionalCentavos(a.creditData?.creditLimit),
        available_credit_limit: optionalCentavos(a.creditData?.availableCreditLimit),
        balance_close_date: isoOrNull(a.creditData?.balanceCloseDate, 'balanceCloseDate', a.id),
        balance_due_date: isoOrNull(a.creditData?.balanceDueDate, 'balanceDueDate', a.id),
        pluggy_created_at: isoOrNull(a.createdAt, 'createdAt', a.id),
        pluggy_updated_at: isoOrNull(a.updatedAt, 'updatedAt', a.id),
        at,
        raw_hash: raw.hash,
        raw: raw.text,
      }).changes;
      if (!existed) counts.inserted++;
      else if (changes > 0) counts.updated++;
      else counts.unchanged++;
    }
  }).immediate();
  return counts;
}

/** Marks a connection's accounts that Pluggy no longer lists as removed; returns how many. */
export function markMissingAccountsRemoved(
  db: Db,
  connectionId: string,
  presentIds: readonly string[],
  at: string = nowIso(),
): number {
  const present = JSON.stringify(presentIds);
  return prepared(
    db,
    `UPDATE accounts SET removed_at = ? WHERE connection_id = ? AND removed_at IS NULL
     AND id NOT IN (SELECT value FROM json_each(?))`,
  ).run(at, connectionId, present).changes;
}

export interface ListAccountsOptions {
  connectionId?: string;
  includeRemoved?: boolean;
}

export function listAccounts(db: Db, options: ListAccountsOptions = {}): StoredAccount[] {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (options.connectionId !== undefined) {
    parts.push('connection_id = ?');
    params.push(options.connectionId);
  }
  if (!options.includeRemoved) parts.push('removed_at IS NULL');
  const where = parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
  return prepared(db, `SELECT ${COLUMNS} FROM accounts ${where} ORDER BY connection_id, type, name, id`).all(
    ...params,
  ) as StoredAccount[];
}

export function getAccount(db: Db, id: string): StoredAccount | null {
  return (
    (prepared(db, `SELECT ${COLUMNS} FROM accounts WHERE id = ?`).get(id) as StoredAccount | undefined) ??
    null
  );
}
