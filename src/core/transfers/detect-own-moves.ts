// After each sync: copies of one account under two links, transfers between own accounts and card-bill
// payments, found among the rows no detection has read yet. Idempotent: a second run finds nothing new.
import { appendAudit } from '../audit/append';
import {
  dropStaleOwnMoves,
  listAccounts,
  listDuplicateChoices,
  markBillPayment,
  markTransfer,
  replaceDuplicateGroups,
  getOwnMove,
} from '../store';
import type { Db } from '../store/db';
import { sortKeyFloor } from '../store/transactions/sort-key';
import { findDuplicateGroups } from './duplicate-accounts';
import { billsOfCards, isBillPaymentLike, matchBillPayment, type BillFacts } from './match-bill-payments';
import { matchTransfers } from './match-transfers';
import {
  markRunsScanned,
  pagesOfRuns,
  debitsOfAmountsBetween,
  unscannedRuns,
  type MoveRow,
} from './move-rows';
import { prepared } from '../store/prepared';
import type { OwnAccount } from './same-person';

const DAY = 86_400_000;

function lastScanAt(db: Db): string | null {
  return (prepared(db, 'SELECT max(at) FROM own_move_scans').pluck().get() as string | null) ?? null;
}

/**
 * A fatura read after its payment row (its card's link synced later than the bank's): the bank rows around
 * its due date, read again. Only bills first seen since the last detection; the first one reads every row.
 */
function rowsNearNewBills(
  db: Db,
  bills: readonly BillFacts[],
  since: string | null,
  bankIds: Iterable<string>,
): MoveRow[] {
  if (since === null) return [];
  const fresh = bills.filter((b) => b.firstSeenAt >= since);
  const banks = [...bankIds];
  return fresh.flatMap((b) => {
    const from = sortKeyFloor(new Date(b.dueMs - 25 * DAY).toISOString());
    const to = sortKeyFloor(new Date(b.dueMs + 12 * DAY).toISOString());
    const amounts = [b.totalAmount, ...b.payments.map((p) => p.amount)];
    return banks.flatMap((id) => debitsOfAmountsBetween(db, id, from, to, amounts));
  });
}

export interface OwnMovesFound {
  transfers: number;
  billPayments: number;
  duplicateGroups: number;
  rowsRead: number;
}

export interface DetectOptions {
  /** The run closing now (its rows are read with the finished runs'), or null on request. */
  runId: number | null;
  at: string;
}

/** Runs inside the caller's transaction when there is one (a run's closing one), else in its own. */
export function detectOwnMoves(db: Db, options: DetectOptions): OwnMovesFound {
  const { runId, at } = options;
  return db.transaction((): OwnMovesFound => {
    dropStaleOwnMoves(db);
    const live: OwnAccount[] = listAccounts(db);
    const groups = findDuplicateGroups(live, listDuplicateChoices(db));
    replaceDuplicateGroups(db, groups);
    const dropped = new Set(groups.flatMap((g) => g.accountIds.filter((id) => id !== g.keptAccountId)));
    const counted = live.filter((a) => !dropped.has(a.id));

    const runs = unscannedRuns(db, runId);
    const since = lastScanAt(db);
    const banks = new Map(counted.filter((a) => a.type !== 'CREDIT').map((a) => [a.id, a]));
    const cards = new Set(counted.filter((a) => a.type === 'CREDIT').map((a) => a.id));
    const bills = billsOfCards(db, cards);
    const taken = new Set<string>();
    const found = { transfers: 0, billPayments: 0, duplicateGroups: groups.length, rowsRead: 0 };
    const tieToBill = (row: MoveRow) => {
      if (!banks.has(row.accountId) || taken.has(row.id) || !isBillPaymentLike(row)) return;
      if (getOwnMove(db, row.id)) return;
      const bill = matchBillPayment(db, row, bills);
      if (!bill) return;
      markBillPayment(db, row.id, bill.id, at, runId);
      found.billPayments += 1;
    };
    for (const page of pagesOfRuns(db, runs)) {
      found.rowsRead += page.length;
      for (const { a, b } of matchTransfers(db, page, banks, taken)) {
        markTransfer(db, a.id, b.id, at, runId);
        found.transfers += 1;
      }
      page.forEach(tieToBill);
    }
    rowsNearNewBills(db, bills, since, banks.keys()).forEach(tieToBill);
    markRunsScanned(db, runs, at);

    if (found.transfers + found.billPayments > 0) {
      appendAudit(db, {
        actor: 'sync',
        action: 'transactions.own_moves.found',
        outcome: 'info',
        at,
        details: { runId, transfers: found.transfers, billPayments: found.billPayments },
      });
    }
    return found;
  })();
}
