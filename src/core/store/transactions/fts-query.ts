// Turns what a person types into a safe FTS5 query: every word must match, as a prefix, in any column.

/** The searchable words of typed text (letters and digits), at most 16. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 16);
}

/** Quoting neutralises FTS5 syntax (AND/OR/NEAR, column filters, quotes) typed by the user. */
export function quoteTerm(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/** Null when the text has no searchable word; otherwise e.g. `"padaria"* AND "pao"*`. */
export function toFtsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map((w) => `${quoteTerm(w)}*`).join(' AND ');
}
