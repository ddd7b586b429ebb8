// Every export of data is an audit entry (`<what>.exported`): the daily review asks "was it you?" about it.
import { appendAudit } from '../audit/append';
import type { Db } from '../store/db';

export function recordExport(
  db: Db,
  what: 'transactions' | 'audit' | 'fatura',
  details: { format: string; rows: number },
  at: string,
): void {
  appendAudit(db, { actor: 'user', action: `${what}.exported`, outcome: 'success', at, details });
}
