// Rewrites each typed word prefix as the OR of the whole indexed terms it starts, so FTS5 can stream a page.
//
// FTS5 answers `"pix"*` by merging the full doclist of every term starting with "pix" before returning
// a row (~60 ms at 1M rows), while `"pix"` or `("pix" OR "pixel")` stream in key order and stop after
// one page (~0.1 ms). The terms come from the index's vocabulary (migration 60), so the result is the
// same set of rows. Words whose folding we cannot reproduce exactly, or that start too many terms, keep
// the prefix form.
import type { Db } from '../db';
import { prepared } from '../prepared';
import { quoteTerm, searchWords } from './fts-query';

/** More terms than this and the OR costs more than the prefix merge it replaces. */
const MAX_TERMS = 24;

// Letters whose unicode61 `remove_diacritics 2` folding is exactly "drop the accent, lowercase": ASCII
// and the accented Latin letters of Portuguese, Spanish and French (checked by a test against the index).
const FOLDABLE = /^[0-9A-Za-zÀ-ÅÇ-ÏÑ-ÖÙ-Ýà-åç-ïñ-öù-ýÿ]+$/u;

const VOCAB_SQL = `SELECT term FROM transactions_fts_vocab WHERE term >= ? AND term < ? ORDER BY term LIMIT ${
  MAX_TERMS + 1
}`;

/** The index's form of a word (accents dropped, lowercase), or null when it is not safely foldable. */
export function foldWord(word: string): string | null {
  if (!FOLDABLE.test(word)) return null;
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The first string after every string that starts with `prefix` (ASCII only). */
function successor(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * The FTS5 query for typed text: null when no row can match (no searchable word, or a word that starts
 * no indexed term), else every word AND-ed, each as its terms OR-ed or, failing that, as a prefix.
 */
export function expandFtsQuery(db: Db, text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const vocab = prepared(db, VOCAB_SQL).pluck();
  const parts: string[] = [];
  for (const word of words) {
    const folded = foldWord(word);
    if (folded === null) {
      parts.push(`${quoteTerm(word)}*`);
      continue;
    }
    const terms = vocab.all(folded, successor(folded)) as string[];
    if (terms.length === 0) return null;
    if (terms.length > MAX_TERMS) parts.push(`${quoteTerm(word)}*`);
    else if (terms.length === 1) parts.push(quoteTerm(terms[0]!));
    else parts.push(`(${terms.map(quoteTerm).join(' OR ')})`);
  }
  return parts.join(' AND ');
}
