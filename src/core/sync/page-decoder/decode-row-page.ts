// One /v2/transactions body as table rows: JSON, Pluggy's schema, then the column mapping, on any thread.
import { isAppError } from '../../../shared/errors';
import { TransactionPage } from '../../../shared/pluggy';
import { decodeJson, type Decoded } from '../../pluggy/decode-body';
import { toRowValues, type RowValues } from '../../store/transactions/row-mapping';

/** A page of transactions ready for `upsertTransactionRows`, and Pluggy's link to the next page. */
export interface RowPage {
  rows: RowValues[];
  next: string | null;
}

/** A row the table cannot take (e.g. a date that is no date) makes the whole answer a bad payload. */
export function decodeRowPage(body: Uint8Array): Decoded<RowPage> {
  const page = decodeJson(body, TransactionPage);
  if (!page.ok) return page;
  const { results } = page.value;
  const rows: RowValues[] = [];
  for (let i = 0; i < results.length; i++) {
    try {
      rows.push(toRowValues(results[i]!));
    } catch (err) {
      if (!isAppError(err)) throw err;
      const field = typeof err.details?.['field'] === 'string' ? err.details['field'] : '(row)';
      return {
        ok: false,
        notJson: false,
        issues: [{ path: `results[${i}].${field}`, message: err.message }],
      };
    }
  }
  return { ok: true, value: { rows, next: page.value.next ?? null } };
}
