// Turns what a person types into a safe FTS5 query: every word must match, as a prefix, in any column.

/** Null when the text has no searchable word; otherwise e.g. `"padaria"* AND "pao"*`. */
export function toFtsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 16);
  if (words.length === 0) return null;
  // Quoting each word neutralises FTS5 syntax (AND/OR/NEAR, column filters, quotes) typed by the user.
  return words.map((w) => `"${w}"*`).join(' AND ');
}
