// Exports the transactions matching a filter as CSV (one file) or OFX (one statement per account, concatenated).
import { AppError } from '../../shared/errors';
import type { TransactionFilter } from '../../shared/contract';
import { editsOf, getAccount, listAccounts, pageTransactions, type StoredTransaction } from '../store';
import type { Db } from '../store/db';
import { csvHeader, csvRow, type CsvVariant } from './transactions-csv';
import { ofxDocument } from './transactions-ofx';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
  rows: number;
}

/**
 * Every matching transaction, newest first, one keyset page at a time, as the person sees it: their category
 * over the bank's, and none they left out of their reports.
 */
export function* allTransactions(db: Db, filter: TransactionFilter): Generator<StoredTransaction> {
  let after: string | undefined;
  do {
    const page = pageTransactions(db, { filter, limit: 500, ...(after ? { after } : {}) });
    const edits = editsOf(
      db,
      page.rows.map((t) => t.id),
    );
    for (const t of page.rows) {
      const edit = edits.get(t.id);
      if (edit?.ignored) continue;
      yield edit?.category ? { ...t, category: edit.category } : t;
    }
    after = page.nextCursor ?? undefined;
  } while (after);
}

export function exportTransactions(
  db: Db,
  format: 'csv' | 'ofx',
  filter: TransactionFilter,
  nowIso: string,
  csvVariant: CsvVariant = 'standard',
): ExportFile {
  const stamp = nowIso.slice(0, 10);
  if (format === 'csv') {
    const accounts = new Map(listAccounts(db, { includeRemoved: true }).map((a) => [a.id, a]));
    const options = { variant: csvVariant, accounts };
    const lines = [csvHeader(csvVariant)];
    for (const t of allTransactions(db, filter)) lines.push(csvRow(t, options));
    return {
      fileName: `cofre-transacoes-${stamp}${csvVariant === 'pt-BR' ? '-pt-BR' : ''}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      content: `${lines.join('\r\n')}\r\n`,
      rows: lines.length - 1,
    };
  }
  const byAccount = new Map<string, StoredTransaction[]>();
  for (const t of allTransactions(db, filter)) {
    const list = byAccount.get(t.accountId) ?? [];
    list.push(t);
    byAccount.set(t.accountId, list);
  }
  if (byAccount.size === 0) throw new AppError('not_found', 'No transactions match this filter.');
  let rows = 0;
  const statements = [...byAccount].map(([accountId, transactions]) => {
    const account = getAccount(db, accountId);
    if (!account) throw new AppError('internal', 'A transaction refers to an unknown account.');
    rows += transactions.length;
    return { account, transactions };
  });
  return {
    fileName: `cofre-transacoes-${stamp}.ofx`,
    mimeType: 'application/x-ofx',
    content: ofxDocument(statements, nowIso),
    rows,
  };
}
