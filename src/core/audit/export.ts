// Exports the audit log as CSV or JSON lines: line generators, and a writer to an owner-only file.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../store/db';
import type { AuditEntry } from './entry';
import { iterateAudit, type AuditFilter } from './query';

export type AuditExportFormat = 'csv' | 'jsonl';

const CSV_COLUMNS = [
  'id',
  'at',
  'actor',
  'action',
  'connection_id',
  'outcome',
  'details',
  'prev_hash',
  'hash',
];

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(e: AuditEntry): string {
  const cells = [
    e.id,
    e.at,
    e.actor,
    e.action,
    e.connectionId,
    e.outcome,
    JSON.stringify(e.details),
    e.prevHash,
    e.hash,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The export as text chunks (one per entry, plus the CSV header), oldest entry first. */
export function* auditExportLines(
  db: Db,
  format: AuditExportFormat,
  filter: AuditFilter = {},
): Generator<string> {
  if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\r\n`;
  for (const entry of iterateAudit(db, filter)) {
    yield format === 'csv' ? csvLine(entry) : `${JSON.stringify(entry)}\n`;
  }
}

/** Writes the export to `file` (mode 0600, replaced if present); returns how many entries were written. */
export async function writeAuditExport(
  db: Db,
  file: string,
  format: AuditExportFormat,
  filter: AuditFilter = {},
): Promise<number> {
  let chunks = 0;
  function* counted(): Generator<string> {
    for (const line of auditExportLines(db, format, filter)) {
      chunks++;
      yield line;
    }
  }
  await pipeline(Readable.from(counted()), createWriteStream(file, { mode: 0o600 }));
  return format === 'csv' ? chunks - 1 : chunks;
}
