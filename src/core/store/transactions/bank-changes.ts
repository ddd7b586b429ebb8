// What the bank changed in a stored row (posted, amount, description, date, back from removed), as history lines.
import type { ChangeSource } from '../edits/history';
import { appendHistory } from '../edits/history';
import type { Db } from '../db';
import { DATA_COLUMNS, type MappedTransaction } from './row-mapping';

const AMOUNT = DATA_COLUMNS.indexOf('amount');
const STATUS = DATA_COLUMNS.indexOf('status');
const DESCRIPTION = DATA_COLUMNS.indexOf('description');
const DATE = DATA_COLUMNS.indexOf('date');

/** `before` is the stored row's DATA_COLUMNS values; call inside the write's transaction. */
export function recordBankChanges(
  db: Db,
  before: readonly unknown[],
  removedAt: string | null,
  row: MappedTransaction,
  source: ChangeSource,
  at: string,
): void {
  const id = row.id;
  if (removedAt !== null) appendHistory(db, id, 'restored', source, at, { removedAt });
  const after = row.values as readonly unknown[];
  if (before[STATUS] !== after[STATUS]) {
    const posted = before[STATUS] === 'PENDING' && after[STATUS] === 'POSTED';
    appendHistory(db, id, posted ? 'posted' : 'status_changed', source, at, {
      field: 'status',
      from: before[STATUS],
      to: after[STATUS],
    });
  }
  if (before[AMOUNT] !== after[AMOUNT]) {
    appendHistory(db, id, 'amount_changed', source, at, {
      field: 'amount',
      from: before[AMOUNT],
      to: after[AMOUNT],
    });
  }
  if (before[DESCRIPTION] !== after[DESCRIPTION]) {
    appendHistory(db, id, 'description_changed', source, at, {
      field: 'description',
      from: before[DESCRIPTION],
      to: after[DESCRIPTION],
    });
  }
  if (before[DATE] !== after[DATE]) {
    appendHistory(db, id, 'date_changed', source, at, { field: 'date', from: before[DATE], to: after[DATE] });
  }
}
