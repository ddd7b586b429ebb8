// Pairs the two sides of a transfer between the person's own accounts: same amount, opposite directions,
// dates at most three days apart, two different accounts (across links too), and a sign that it is the person.
import type { Db } from '../store/db';
import { getOwnMove, isRejectedMatch } from '../store';
import { sortKeyFloor } from '../store/transactions/sort-key';
import { counterpartsBetween, type MoveRow } from './move-rows';
import { otherSideOf, type OwnAccount } from './same-person';

const DAY = 86_400_000;
/** A Pix lands at once; a TED or a transfer booked on a weekend shows up to a few days apart. */
export const TRANSFER_WINDOW_DAYS = 3;

const TRANSFER_METHODS = new Set([
  'PIX',
  'TED',
  'TEV',
  'DOC',
  'TEF',
  'TRANSFERENCIA_MESMA_INSTITUICAO',
  'TRANSFERENCIA_OUTRA_INSTITUICAO',
]);
/** Transfers (05…) but not a card-bill payment or a cash withdrawal, and same-person transfers (04…). */
const NOT_TRANSFER_IDS = new Set(['05100000', '05020000']);

export function isTransferLike(row: MoveRow): boolean {
  if (TRANSFER_METHODS.has(row.paymentMethod ?? '') || TRANSFER_METHODS.has(row.operationType ?? ''))
    return true;
  const id = row.categoryId ?? '';
  if (id.startsWith('04') || (id.startsWith('05') && !NOT_TRANSFER_IDS.has(id))) return true;
  const name = row.category ?? '';
  return (
    name.startsWith('Same person transfer') || (name.startsWith('Transfer') && name !== 'Transfer - Cash')
  );
}

export interface TransferPair {
  /** The side that was read first. */
  a: MoveRow;
  b: MoveRow;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * 0 when both sides say the money stayed with the person, 1 when one does and the other says nothing either
 * way, null when neither does or one names someone else.
 */
function pairRank(a: MoveRow, aAccount: OwnAccount, b: MoveRow, bAccount: OwnAccount): number | null {
  const x = otherSideOf(a, aAccount, bAccount);
  const y = otherSideOf(b, bAccount, aAccount);
  if (x === 'someone_else' || y === 'someone_else' || (x !== 'owner' && y !== 'owner')) return null;
  return x === 'owner' && y === 'owner' ? 0 : 1;
}

/** Better evidence first, then the closest dates, then the row stored first. */
function compare(
  a: { rank: number; distance: number; sortKey: number },
  b: { rank: number; distance: number; row: MoveRow },
): number {
  return a.rank - b.rank || a.distance - b.distance || a.sortKey - b.row.sortKey;
}

/**
 * The pairs among `rows` and any stored row they match, none of them already marked, taken, or a pair the
 * person turned down. Better evidence, then closer dates, win; `accounts` are the accounts that count (no card, no dropped copy).
 */
export function matchTransfers(
  db: Db,
  rows: readonly MoveRow[],
  accounts: ReadonlyMap<string, OwnAccount>,
  taken: Set<string>,
): TransferPair[] {
  const pairs: TransferPair[] = [];
  for (const row of rows) {
    const self = accounts.get(row.accountId);
    if (!self || taken.has(row.id) || !isTransferLike(row)) continue;
    // Most Pix name a friend or a shop: no account of the person's can be the other side, no query needed.
    const others = [...accounts.values()].filter(
      (o) => o.id !== self.id && otherSideOf(row, self, o) !== 'someone_else',
    );
    if (others.length === 0 || getOwnMove(db, row.id)) continue;
    const ms = Date.parse(row.date);
    const fromKey = sortKeyFloor(dayOf(ms - TRANSFER_WINDOW_DAYS * DAY));
    const toKey = sortKeyFloor(dayOf(ms + (TRANSFER_WINDOW_DAYS + 1) * DAY));
    let best: { row: MoveRow; rank: number; distance: number } | null = null;
    for (const other of others) {
      for (const p of counterpartsBetween(db, other.id, fromKey, toKey, row)) {
        if (p.type === row.type || p.cents !== row.cents || taken.has(p.id)) continue;
        const rank = pairRank(row, self, p, other);
        if (rank === null) continue;
        const distance = Math.abs(Date.parse(p.date) - ms);
        if (best !== null && compare({ rank, distance, sortKey: p.sortKey }, best) >= 0) continue;
        if (getOwnMove(db, p.id) || isRejectedMatch(db, row.id, p.id) || isRejectedMatch(db, p.id, row.id))
          continue;
        best = { row: p, rank, distance };
      }
    }
    if (best === null) continue;
    taken.add(row.id);
    taken.add(best.row.id);
    pairs.push({ a: row, b: best.row });
  }
  return pairs;
}
