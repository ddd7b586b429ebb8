// CSV of one fatura's transactions, in the same variants (standard, pt-BR) as the transactions export.
import { AppError } from '../../shared/errors';
import { csvHeader, csvRow, type CsvVariant } from '../export/transactions-csv';
import type { ExportFile } from '../export/transactions-export';
import { listAccounts, storedTransactionsByIds } from '../store';
import type { Db } from '../store/db';
import { faturaRowIds } from './card-faturas';

export function exportFatura(
  db: Db,
  ref: { accountId: string; key: string },
  nowMs: number,
  variant: CsvVariant = 'standard',
): ExportFile {
  const fatura = faturaRowIds(db, ref.accountId, ref.key, nowMs);
  if (fatura === null) throw new AppError('not_found', 'No such fatura on this card.');
  const accounts = new Map(listAccounts(db, { includeRemoved: true }).map((a) => [a.id, a]));
  const lines = [csvHeader(variant)];
  for (const t of storedTransactionsByIds(db, fatura.ids)) lines.push(csvRow(t, { variant, accounts }));
  const account = accounts.get(ref.accountId);
  const tail = (account?.number ?? ref.accountId).slice(-4);
  return {
    fileName: `cofre-fatura-${tail}-${fatura.month}${variant === 'pt-BR' ? '-pt-BR' : ''}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    content: `${lines.join('\r\n')}\r\n`,
    rows: lines.length - 1,
  };
}
