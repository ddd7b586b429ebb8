// Test helper: transactions and accounts written as version 70 stored them (amounts in reais, REAL columns).
//
// The repositories target the latest schema, so a test of an older migration writes its "before" rows here.
import type { Account, Transaction } from '../../../../src/shared/pluggy';
import type { Db } from '../../../../src/core/store';
import { sortKeyFloor, toRowValues } from '../../../../src/core/store';

/** Inserts new rows as version 70's upsert did (search index too, when the schema has one). */
export function insertAsVersion70(
  db: Db,
  page: readonly Transaction[],
  seenAt = '2025-03-02T00:00:00.000Z',
  /** Keep the whole transaction in `raw`, as versions before 70 did (the bench times migration 70 on it). */
  fullRaw = false,
): void {
  const hasFts =
    db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'transactions_fts'`).get() !== undefined;
  const insert = db.prepare(
    `INSERT INTO transactions (sort_key, id, account_id, date, amount, currency_code, type, status, description,
     category, merchant_name, counterparty_name, pluggy_created_at, raw, first_seen_at, last_seen_at, changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fts = hasFts
    ? db.prepare(
        'INSERT INTO transactions_fts(rowid, description, merchant_name, counterparty_name) VALUES (?, ?, ?, ?)',
      )
    : null;
  const rows = page.map((t, i) => ({ t, v: toRowValues(t), key: 0, i }));
  // The date's second, then arrival order (transactions/sort-key.ts).
  for (const r of rows) r.key = sortKeyFloor(r.v[2]) + r.i;
  rows.sort((a, b) => a.key - b.key);
  db.transaction(() => {
    for (const { t, v, key } of rows) {
      // Version 70 kept amountInAccountCurrency and balance in `raw` and always folded `amount` out of it.
      const raw = JSON.parse(v[12]) as Record<string, unknown>;
      delete raw.amount;
      if (typeof t.amountInAccountCurrency === 'number')
        raw.amountInAccountCurrency = t.amountInAccountCurrency;
      if (typeof t.balance === 'number') raw.balance = t.balance;
      insert.run(
        key,
        v[0],
        v[1],
        v[2],
        t.amount,
        v[4],
        v[5],
        v[6],
        v[7],
        v[8],
        v[9],
        v[10],
        v[11],
        fullRaw ? JSON.stringify(t) : JSON.stringify(raw),
        seenAt,
        seenAt,
        seenAt,
      );
      fts?.run(key, v[7], v[9], v[10]);
    }
  })();
}

/** Sets an account's money columns as version 70 stored them: Pluggy's numbers in reais. */
export function setAccountAsVersion70(db: Db, account: Account): void {
  db.prepare(
    'UPDATE accounts SET balance = ?, credit_limit = ?, available_credit_limit = ? WHERE id = ?',
  ).run(
    account.balance,
    account.creditData?.creditLimit ?? null,
    account.creditData?.availableCreditLimit ?? null,
    account.id,
  );
}

/** A Pluggy object as the store gives it back: its nulls left out (see transactions/raw-remainder.ts). */
export const withoutNulls = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (_key, value: unknown) => (value === null ? undefined : value)));
