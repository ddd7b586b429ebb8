// Migration 80: every money column holds integer centavos (accounts' balances and limits, transactions' amounts).
import { isWholeCentavos, toCentavos } from '../../../shared/money';
import type { Db } from '../db';
import { rewriteInBatches } from './batched-rewrite';
import type { Migration, MigrationContext } from './migration';

// SQLite cannot change a column's type in place: each REAL column gets an INTEGER twin, filled from JS (the
// one conversion the app uses, toCentavos), then the REAL one is dropped and the twin takes its name. The
// twin of a NOT NULL column needs a default to be added; every writer names the column, so it never applies.
function replaceColumn(db: Db, table: string, column: string): void {
  db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
  db.exec(`ALTER TABLE ${table} RENAME COLUMN ${column}_cents TO ${column}`);
}

function migrateAccounts(db: Db): void {
  db.exec(`ALTER TABLE accounts ADD COLUMN balance_cents INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE accounts ADD COLUMN credit_limit_cents INTEGER;
    ALTER TABLE accounts ADD COLUMN available_credit_limit_cents INTEGER;`);
  const rows = db
    .prepare('SELECT id, balance, credit_limit, available_credit_limit FROM accounts')
    .raw(true)
    .all() as [string, number, number | null, number | null][];
  const write = db.prepare(
    'UPDATE accounts SET balance_cents = ?, credit_limit_cents = ?, available_credit_limit_cents = ? WHERE id = ?',
  );
  const cents = (v: number | null) => (v === null ? null : toCentavos(v));
  for (const [id, balance, limit, available] of rows)
    write.run(toCentavos(balance), cents(limit), cents(available), id);
  replaceColumn(db, 'accounts', 'balance');
  replaceColumn(db, 'accounts', 'credit_limit');
  replaceColumn(db, 'accounts', 'available_credit_limit');
}

type Remainder = Record<string, unknown>;

/** A money field of the raw remainder as centavos; it leaves the remainder when the centavos say it all. */
function foldMoney(raw: Remainder, key: string): number | null {
  const v = raw[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  if (isWholeCentavos(v)) delete raw[key];
  return toCentavos(v);
}

interface TransactionRow {
  sort_key: number;
  amount: number;
  raw: string;
}

function migrateTransactions(db: Db, ctx: MigrationContext): void {
  // The two generated columns read floats out of `raw`; they become stored centavos (see row-mapping.ts).
  db.exec(`ALTER TABLE transactions DROP COLUMN amount_in_account_currency;
    ALTER TABLE transactions DROP COLUMN balance;
    ALTER TABLE transactions ADD COLUMN amount_cents INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE transactions ADD COLUMN amount_in_account_currency INTEGER;
    ALTER TABLE transactions ADD COLUMN balance INTEGER;`);
  // None of these columns is in an index or a trigger's column list: this rewrites the rows and nothing else.
  const write = db.prepare(
    `UPDATE transactions SET amount_cents = ?, amount_in_account_currency = ?, balance = ?, raw = ?
     WHERE sort_key = ?`,
  );
  rewriteInBatches<TransactionRow>(db, ctx, {
    countSql: 'SELECT count(*) FROM transactions',
    readSql: 'SELECT sort_key, amount, raw FROM transactions WHERE sort_key > ? ORDER BY sort_key LIMIT ?',
    key: (row) => row.sort_key,
    rewrite: ({ sort_key: sortKey, amount, raw: rawText }) => {
      const raw = JSON.parse(rawText) as Remainder;
      // Migration 70 folded `amount` out of raw; an amount finer than a centavo goes back in, verbatim.
      const whole = isWholeCentavos(amount);
      if (!whole) raw.amount = amount;
      const inAccountCurrency = foldMoney(raw, 'amountInAccountCurrency');
      const balance = foldMoney(raw, 'balance');
      const changed = !whole || inAccountCurrency !== null || balance !== null;
      write.run(
        toCentavos(amount),
        inAccountCurrency,
        balance,
        changed ? JSON.stringify(raw) : rawText,
        sortKey,
      );
    },
  });
  replaceColumn(db, 'transactions', 'amount');
}

export const migration0080: Migration = {
  version: 80,
  name: 'centavos',
  up(db, ctx) {
    migrateAccounts(db);
    migrateTransactions(db, ctx);
  },
};
