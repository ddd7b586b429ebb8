// The rows detection reads: which ones a run brought, and each one's facts (amount, direction, who was paid).
import type { Db } from '../store/db';
import { prepared } from '../store/prepared';

export interface MoveRow {
  id: string;
  accountId: string;
  sortKey: number;
  date: string;
  type: string;
  /** Centavos in the account's currency, positive; `type` gives the direction. */
  cents: number;
  categoryId: string | null;
  category: string | null;
  operationType: string | null;
  paymentMethod: string | null;
  description: string;
  counterpartyName: string | null;
  /** Pluggy's paymentData as stored (JSON), or null. */
  paymentData: string | null;
}

export const MOVE_ROW_COLUMNS = `t.id, t.account_id AS accountId, t.sort_key AS sortKey, t.date, t.type,
  abs(coalesce(t.amount_in_account_currency, t.amount)) AS cents, t.category_id AS categoryId, t.category,
  t.operation_type AS operationType, t.payment_method AS paymentMethod, t.description,
  t.counterparty_name AS counterpartyName, json_extract(t.raw, '$.paymentData') AS paymentData`;

/**
 * Finished runs whose rows no detection has read yet, and the running one closing now; a run that failed or
 * was interrupted still stored rows, which the next detection reads. Run 0 stands for rows from before runs
 * were recorded on them (migration 140), read once.
 */
export function unscannedRuns(db: Db, currentRunId: number | null): number[] {
  const runs = prepared(
    db,
    `SELECT r.id FROM sync_runs r WHERE (r.outcome <> 'running' OR r.id = ?)
       AND NOT EXISTS (SELECT 1 FROM own_move_scans s WHERE s.run_id = r.id) ORDER BY r.id`,
  )
    .pluck()
    .all(currentRunId ?? -1) as number[];
  const oldRowsRead = prepared(db, 'SELECT 1 FROM own_move_scans WHERE run_id = 0').get() !== undefined;
  return oldRowsRead ? runs : [0, ...runs];
}

const PAGE = 2_000;

const METHODS =
  "'PIX', 'TED', 'TEV', 'DOC', 'TEF', 'TRANSFERENCIA_MESMA_INSTITUICAO', 'TRANSFERENCIA_OUTRA_INSTITUICAO'";
/**
 * SQL on `t`: rows that may be a transfer or a bill payment, a superset of isTransferLike and
 * isBillPaymentLike (which decide), so a purchase or a fee is never read whole.
 */
const MAYBE_MOVE = `(t.payment_method IN (${METHODS}) OR t.operation_type IN (${METHODS}, 'PAGAMENTO_FATURA')
  OR substr(t.category_id, 1, 2) IN ('04', '05') OR t.category LIKE 'Transfer%'
  OR t.category LIKE 'Same person transfer%' OR t.category = 'Credit card payment'
  OR t.description LIKE '%fatura%' OR t.description LIKE '%cart_o de cr_dito%')`;

/**
 * The live rows of bank accounts (cards send no Pix and pay no bills) the given runs created (run 0: rows
 * without a run), a page at a time in key order within each run: a first sync of a million rows never sits in
 * memory at once, and each page walks the partial index on created_run_id.
 */
export function* pagesOfRuns(db: Db, runIds: readonly number[]): Generator<MoveRow[]> {
  const bank = "t.account_id IN (SELECT id FROM accounts WHERE type <> 'CREDIT')";
  const live = `t.removed_at IS NULL AND ${MAYBE_MOVE}`;
  for (const runId of runIds) {
    const byRun = runId === 0 ? 't.created_run_id IS NULL' : 't.created_run_id = ?';
    const sql = `SELECT ${MOVE_ROW_COLUMNS} FROM transactions t
      WHERE ${byRun} AND t.sort_key > ? AND ${live} AND ${bank} ORDER BY t.sort_key LIMIT ${PAGE}`;
    let after = -1;
    for (;;) {
      const args = runId === 0 ? [after] : [runId, after];
      const rows = prepared(db, sql).all(...args) as MoveRow[];
      if (rows.length > 0) yield rows;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.sortKey;
    }
  }
}

export function markRunsScanned(db: Db, runIds: readonly number[], at: string): void {
  const insert = prepared(db, 'INSERT OR IGNORE INTO own_move_scans (run_id, at) VALUES (?, ?)');
  for (const id of runIds) insert.run(id, at);
}

/**
 * Live rows of one account in a sort-key range (the table's key: a short index range) going the other way for
 * the same amount: the filter runs on stored columns, so only real candidates are read whole.
 */
export function counterpartsBetween(
  db: Db,
  accountId: string,
  fromKey: number,
  toKey: number,
  row: Pick<MoveRow, 'type' | 'cents'>,
): MoveRow[] {
  return prepared(
    db,
    `SELECT ${MOVE_ROW_COLUMNS} FROM transactions t
     WHERE t.account_id = ? AND t.sort_key >= ? AND t.sort_key < ? AND t.removed_at IS NULL
       AND t.type <> ? AND abs(coalesce(t.amount_in_account_currency, t.amount)) = ?`,
  ).all(accountId, fromKey, toKey, row.type, row.cents) as MoveRow[];
}

/** Live money out of one account in a sort-key range, of one of the given amounts (centavos). */
export function debitsOfAmountsBetween(
  db: Db,
  accountId: string,
  fromKey: number,
  toKey: number,
  amounts: readonly number[],
): MoveRow[] {
  return prepared(
    db,
    `SELECT ${MOVE_ROW_COLUMNS} FROM transactions t
     WHERE t.account_id = ? AND t.sort_key >= ? AND t.sort_key < ? AND t.removed_at IS NULL AND t.type = 'DEBIT'
       AND abs(coalesce(t.amount_in_account_currency, t.amount)) IN (SELECT value FROM json_each(?))`,
  ).all(accountId, fromKey, toKey, JSON.stringify(amounts)) as MoveRow[];
}

export interface PaymentParty {
  name: string | null;
  document: string | null;
  accountNumber: string | null;
}

type Parties = { payer: PaymentParty | null; receiver: PaymentParty | null };
/** A row is asked about once per account it could pair with: its JSON is read once. */
const parsed = new WeakMap<MoveRow, Parties>();

/** Who paid and who received, as far as the bank says. */
export function partiesOf(row: MoveRow): Parties {
  const known = parsed.get(row);
  if (known) return known;
  const parties = readParties(row);
  parsed.set(row, parties);
  return parties;
}

function readParties(row: MoveRow): Parties {
  if (row.paymentData === null) return { payer: null, receiver: null };
  let data: unknown;
  try {
    data = JSON.parse(row.paymentData);
  } catch (err) {
    // Written by the store from a parsed payload; unreadable JSON here would be a store bug worth seeing.
    throw new Error(`paymentData of ${row.id} is not JSON`, { cause: err });
  }
  const party = (v: unknown): PaymentParty | null => {
    if (typeof v !== 'object' || v === null) return null;
    const p = v as Record<string, unknown>;
    const doc = p['documentNumber'] as Record<string, unknown> | undefined;
    const str = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x : null);
    return { name: str(p['name']), document: str(doc?.['value']), accountNumber: str(p['accountNumber']) };
  };
  const d = (data ?? {}) as Record<string, unknown>;
  return { payer: party(d['payer']), receiver: party(d['receiver']) };
}
