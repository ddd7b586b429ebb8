// Reads the audit log: keyset pages newest first with filters, shared by the UI list and the exports.
import { z } from 'zod';
import type { Db } from '../store/db';
import { decodeCursor, encodeCursor } from '../store/keyset-cursor';
import { parseInput } from '../store/parse-input';
import { prepared } from '../store/prepared';
import { AuditActor, AuditOutcome, type AuditEntry } from './entry';
import { AuditSearchTerm } from '../../shared/audit/search-terms';

export const AuditFilter = z.object({
  actor: AuditActor.optional(),
  /** Exact action, or a prefix ending in a dot (`open_finance.sync.`). */
  action: z.string().max(200).optional(),
  connectionId: z.string().optional(),
  outcome: AuditOutcome.optional(),
  /** ISO times; `from` inclusive, `to` exclusive. */
  from: z.string().optional(),
  to: z.string().optional(),
  /** Case-insensitive substring of the action or the (already redacted) details. */
  text: z.string().max(200).optional(),
  /** Words of a search as the entries were shown (each must match); `text` is ignored when present. */
  terms: z.array(AuditSearchTerm).max(12).optional(),
  /** Only these entry ids (the security review's findings of a day). */
  ids: z.array(z.number().int()).max(100_000).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditPageRequest = z.object({
  filter: AuditFilter.default({}),
  after: z.string().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AuditPageRequest = z.input<typeof AuditPageRequest>;

export interface AuditPage {
  rows: AuditEntry[];
  nextCursor: string | null;
}

interface Row extends Omit<AuditEntry, 'details'> {
  details: string;
}

const COLUMNS = `id, at, actor, action, connection_id AS connectionId, outcome, details, prev_hash AS prevHash, hash`;

const inList = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;

/** One search word: in the stored text, or any of the codes whose shown words hold it. */
function termSql(term: AuditSearchTerm): [string, ...unknown[]] {
  const list = (codes: string[]) => JSON.stringify(codes);
  return [
    `(instr(lower(action || ' ' || details), lower(?)) > 0
      OR ${inList('action')} OR ${inList('actor')} OR ${inList('outcome')} OR ${inList('connection_id')}
      OR EXISTS (SELECT 1 FROM json_each(details) AS d WHERE ${inList('d.key')})
      OR EXISTS (SELECT 1 FROM json_tree(details) AS d WHERE d.atom IS NOT NULL AND ${inList('d.atom')}))`,
    term.text.trim(),
    list(term.actions),
    list(term.actors),
    list(term.outcomes),
    list(term.connectionIds),
    list(term.fields),
    list(term.values),
  ];
}

function whereOf(filter: AuditFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (filter.actor) add('actor = ?', filter.actor);
  if (filter.action?.endsWith('.'))
    add('action >= ? AND action < ?', filter.action, `${filter.action}\uffff`);
  else if (filter.action) add('action = ?', filter.action);
  if (filter.connectionId) add('connection_id = ?', filter.connectionId);
  if (filter.outcome) add('outcome = ?', filter.outcome);
  if (filter.from) add('at >= ?', filter.from);
  if (filter.to) add('at < ?', filter.to);
  // instr, not LIKE: user text with % or _ is matched literally.
  if (filter.ids) add('id IN (SELECT value FROM json_each(?))', JSON.stringify(filter.ids));
  if (filter.terms && filter.terms.length > 0) for (const term of filter.terms) add(...termSql(term));
  else if (filter.text?.trim())
    add(`instr(lower(action || ' ' || details), lower(?)) > 0`, filter.text.trim());
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

function fromRow(row: Row): AuditEntry {
  return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
}

/** One page newest first; pass `nextCursor` as `after` for the next. */
export function pageAudit(db: Db, request: AuditPageRequest = {}): AuditPage {
  const req = parseInput(AuditPageRequest, request, 'audit page request');
  const where = whereOf(req.filter);
  let sql = where.sql;
  const params = [...where.params];
  if (req.after !== undefined) {
    const [, id] = decodeCursor(req.after, 'number', 'number');
    sql += ' AND id < ?';
    params.push(id);
  }
  const rows = prepared(db, `SELECT ${COLUMNS} FROM audit_log WHERE ${sql} ORDER BY id DESC LIMIT ?`).all(
    ...params,
    req.limit + 1,
  ) as Row[];
  const more = rows.length > req.limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  return { rows: rows.map(fromRow), nextCursor: more && last ? encodeCursor(last.id, last.id) : null };
}

/** Every matching entry oldest first, read in batches so no statement stays open between them. */
export function* iterateAudit(db: Db, filter: AuditFilter = {}, batch = 1000): Generator<AuditEntry> {
  const where = whereOf(parseInput(AuditFilter, filter, 'audit filter'));
  const stmt = prepared(
    db,
    `SELECT ${COLUMNS} FROM audit_log WHERE ${where.sql} AND id > ? ORDER BY id LIMIT ?`,
  );
  for (let after = 0; ;) {
    const rows = stmt.all(...where.params, after, batch) as Row[];
    if (rows.length === 0) return;
    for (const row of rows) yield fromRow(row);
    after = rows[rows.length - 1]!.id;
  }
}
