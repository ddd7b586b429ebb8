// Reads a list's rows one by one: a row off its schema is left out and described, never fails the list.
import type { z } from 'zod';

/** A row of a page left out because it could not be read: which one, and the first field at fault. */
export interface SkippedRow {
  /** Pluggy's id of the row when it had a readable one. */
  id: string | null;
  /** Its place in the page's `results`. */
  index: number;
  /** Field path inside the row, e.g. `amount` or `creditCardMetadata.installmentNumber`. */
  path: string;
  /** Why, in words that name no value (values may be personal data). */
  reason: string;
}

/** `a.b[2].c` from a zod issue path; `(row)` for the row itself. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(row)' : out;
}

export function rowId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id.slice(0, 200) : null;
}

export function skippedRow(raw: unknown, index: number, error: z.ZodError): SkippedRow {
  const issue = error.issues[0];
  return {
    id: rowId(raw),
    index,
    path: issue ? fieldPath(issue.path) : '(row)',
    reason: issue ? `${issue.code}: ${issue.message}` : 'not readable',
  };
}

export function readRows<T>(
  schema: z.ZodType<T>,
  raws: readonly unknown[],
): { rows: T[]; skipped: SkippedRow[] } {
  const rows: T[] = [];
  const skipped: SkippedRow[] = [];
  raws.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) rows.push(parsed.data);
    else skipped.push(skippedRow(raw, index, parsed.error));
  });
  return { rows, skipped };
}
