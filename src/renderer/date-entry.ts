// Typed dates in the user's pattern (dd/mm/aaaa, mm/dd/yyyy): the mask while typing and the YYYY-MM-DD the contract takes.
export type DatePart = 'day' | 'month' | 'year';

export interface DatePattern {
  separator: string;
  parts: { part: DatePart; length: number }[];
}

const PART_OF: Record<string, DatePart> = { d: 'day', m: 'month', a: 'year', y: 'year' };
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a pattern such as "dd/mm/aaaa" or "mm/dd/yyyy" (the letters say the order, their count the width). */
export function parsePattern(pattern: string): DatePattern {
  const separator = pattern.match(/[^a-z]/i)?.[0] ?? '/';
  const parts = pattern.split(separator).map((chunk) => {
    const part = PART_OF[chunk.charAt(0).toLowerCase()];
    if (!part) throw new Error(`unknown date pattern part in "${pattern}"`);
    return { part, length: chunk.length };
  });
  if (new Set(parts.map((p) => p.part)).size !== 3)
    throw new Error(`date pattern "${pattern}" needs d, m and y`);
  return { separator, parts };
}

/**
 * What the field shows for what was typed: digits grouped with separators inserted as groups fill, a typed
 * separator closing a short group ("1/" → "01/"), anything else dropped. A pasted YYYY-MM-DD is converted.
 */
export function maskDate(raw: string, pattern: DatePattern): string {
  const iso = ISO_DAY.exec(raw.trim());
  if (iso) return formatDay(raw.trim(), pattern);
  const groups = pattern.parts.map(() => '');
  let current = 0;
  let closedBySeparator = false;
  for (const char of raw) {
    const width = pattern.parts[current]!.length;
    if (char >= '0' && char <= '9') {
      if (groups[current]!.length === width) {
        if (current === groups.length - 1) break;
        current += 1;
      }
      groups[current] += char;
      closedBySeparator = false;
    } else if (
      (char === pattern.separator || char === '/' || char === '-' || char === '.') &&
      groups[current]
    ) {
      if (current === groups.length - 1) continue;
      groups[current] = groups[current]!.padStart(width, '0');
      current += 1;
      closedBySeparator = true;
    }
  }
  const shown = groups.slice(0, current + 1).filter((g) => g !== '');
  return shown.join(pattern.separator) + (closedBySeparator ? pattern.separator : '');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** '' for an empty field, YYYY-MM-DD for a real calendar day, null for anything else (incomplete or impossible). */
export function parseDate(text: string, pattern: DatePattern): string | null {
  if (text.trim() === '') return '';
  const chunks = text.trim().split(pattern.separator);
  if (chunks.length !== pattern.parts.length) return null;
  const values: Partial<Record<DatePart, number>> = {};
  for (const [i, { part, length }] of pattern.parts.entries()) {
    const chunk = chunks[i]!;
    if (chunk.length !== length || !/^\d+$/.test(chunk)) return null;
    values[part] = Number(chunk);
  }
  const { day = 0, month = 0, year = 0 } = values;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return null;
  }
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** YYYY-MM-DD shown in the pattern; '' for ''. */
export function formatDay(iso: string, pattern: DatePattern): string {
  const match = ISO_DAY.exec(iso);
  if (!match) return '';
  const values: Record<DatePart, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  return pattern.parts.map(({ part }) => values[part]).join(pattern.separator);
}

/** Where the caret goes after masking: just after the same number of digits as before it. */
export function caretAfterDigits(masked: string, digits: number): number {
  if (digits <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < masked.length; i++) {
    if (/\d/.test(masked[i]!)) seen += 1;
    if (seen === digits) return i + 1;
  }
  return masked.length;
}
