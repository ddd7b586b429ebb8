// Rows marked as money moved between the person's own pockets (a transfer's two sides, a bill payment and its fatura).
import { AppError } from '../../../shared/errors';
import type { Db } from '../db';
import { prepared } from '../prepared';
import { appendHistory } from '../edits/history';

export type OwnMoveKind = 'transfer' | 'bill_payment';

export interface OwnMove {
  transactionId: string;
  kind: OwnMoveKind;
  /** A transfer's other side. */
  otherTransactionId: string | null;
  /** The fatura a bill payment paid. */
  billId: string | null;
  foundAt: string;
  runId: number | null;
}

const COLUMNS = `transaction_id AS transactionId, kind, other_transaction_id AS otherTransactionId,
  bill_id AS billId, found_at AS foundAt, run_id AS runId`;

const INSERT_SQL = `INSERT OR IGNORE INTO own_moves (transaction_id, kind, other_transaction_id, bill_id, found_at,
  run_id) VALUES (?, ?, ?, ?, ?, ?)`;

export function getOwnMove(db: Db, transactionId: string): OwnMove | null {
  return (
    (prepared(db, `SELECT ${COLUMNS} FROM own_moves WHERE transaction_id = ?`).get(transactionId) as
      OwnMove | undefined) ?? null
  );
}

/** The marks of many rows at once (a page of the list), by transaction id. */
export function ownMovesOf(db: Db, ids: readonly string[]): Map<string, OwnMove> {
  if (ids.length === 0) return new Map();
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM own_moves WHERE transaction_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as OwnMove[];
  return new Map(rows.map((r) => [r.transactionId, r]));
}

/** True when the person said `a` and `b` (a transaction or a fatura) are not a match. */
export function isRejectedMatch(db: Db, a: string, b: string): boolean {
  return (
    prepared(db, 'SELECT 1 FROM own_move_rejections WHERE transaction_id = ? AND other_id = ?').get(a, b) !==
    undefined
  );
}

/** Marks both sides of a transfer, each naming the other, with a line in each row's history. */
export function markTransfer(db: Db, a: string, b: string, at: string, runId: number | null): void {
  for (const [self, other] of [
    [a, b],
    [b, a],
  ] as const) {
    prepared(db, INSERT_SQL).run(self, 'transfer', other, null, at, runId);
    appendHistory(db, self, 'edited', { actor: 'sync', runId }, at, {
      field: 'ownMove',
      from: null,
      to: 'transfer',
      otherTransactionId: other,
    });
  }
}

/** Ties a payment row to the fatura it paid. */
export function markBillPayment(
  db: Db,
  transactionId: string,
  billId: string,
  at: string,
  runId: number | null,
) {
  prepared(db, INSERT_SQL).run(transactionId, 'bill_payment', null, billId, at, runId);
  appendHistory(db, transactionId, 'edited', { actor: 'sync', runId }, at, {
    field: 'ownMove',
    from: null,
    to: 'bill_payment',
    billId,
  });
}

/**
 * The person's "this is not a transfer / not this bill's payment": the mark goes (both sides of a transfer)
 * and the pair is remembered, so no later detection makes it again. Returns the mark undone.
 */
export function undoOwnMove(db: Db, transactionId: string, at: string): OwnMove {
  return db.transaction(() => {
    const move = getOwnMove(db, transactionId);
    if (!move)
      throw new AppError('not_found', 'This transaction is not marked as a move between own accounts.');
    const reject = prepared(
      db,
      'INSERT OR REPLACE INTO own_move_rejections (transaction_id, other_id, at) VALUES (?, ?, ?)',
    );
    const sides =
      move.kind === 'transfer' && move.otherTransactionId !== null
        ? [
            [move.transactionId, move.otherTransactionId],
            [move.otherTransactionId, move.transactionId],
          ]
        : [[move.transactionId, move.billId ?? '']];
    for (const [self, other] of sides as [string, string][]) {
      if (prepared(db, 'DELETE FROM own_moves WHERE transaction_id = ?').run(self).changes === 0) continue;
      reject.run(self, other, at);
      appendHistory(db, self, 'edited', { actor: 'person' }, at, {
        field: 'ownMove',
        from: move.kind,
        to: null,
      });
    }
    return move;
  })();
}

/** Marks whose row (or a transfer's other side, or a fatura) is gone: a removed row is no longer a move. */
export function dropStaleOwnMoves(db: Db): number {
  return prepared(
    db,
    `DELETE FROM own_moves WHERE transaction_id IN (
       SELECT m.transaction_id FROM own_moves m
       LEFT JOIN transactions t ON t.id = m.transaction_id
       LEFT JOIN transactions o ON o.id = m.other_transaction_id
       LEFT JOIN bills b ON b.id = m.bill_id
       WHERE t.id IS NULL OR t.removed_at IS NOT NULL
         OR (m.kind = 'transfer' AND (o.id IS NULL OR o.removed_at IS NOT NULL))
         OR (m.kind = 'bill_payment' AND b.id IS NULL))`,
  ).run().changes;
}
