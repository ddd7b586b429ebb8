// An audit entry's details as sentences a person reads: known facts labelled in their language, ids left to support.
import type { TFunction } from 'i18next';
import { formatDateTime, formatNumber } from '../../format';

/** Facts worth a line, in the order shown; ids, hashes and internals stay in the support view only. */
export const PLAIN_FIELDS = [
  'reason',
  'code',
  'status',
  'executionStatus',
  'listed',
  'rows',
  'inserted',
  'updated',
  'unchanged',
  'removed',
  'skipped',
  'count',
  'format',
  'keptData',
  'deletedAtPluggy',
  'update',
  'joined',
  'all',
  'fields',
  'from',
  'to',
  'changed',
] as const;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function valueText(value: unknown, t: TFunction, language: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return formatNumber(value, language);
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return formatDateTime(value, language);
    return t(`audit.values.${value}`, { defaultValue: value });
  }
  if (Array.isArray(value)) {
    const parts = value.map((v) => valueText(v, t, language)).filter((v): v is string => v !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  return null;
}

/** An error code as the sentence the app says for it (a bank link's state, or one of Cofre's errors); else null. */
export function errorCodeText(code: unknown, t: TFunction, bank: string): string | null {
  if (typeof code !== 'string' || code === '') return null;
  for (const key of [`status.${code}`, `errors.${code}`]) {
    const text = t(key, { bank, defaultValue: '' });
    if (text !== '') return text;
  }
  return null;
}

/** `[label, value]` lines for the entry's known facts (empty when there is nothing a person would read). */
export function auditDetailLines(
  details: Record<string, unknown>,
  t: TFunction,
  language: string,
  /** The link the entry is about, named in an error's sentence. */
  bank = '',
): [string, string][] {
  const lines: [string, string][] = [];
  for (const key of PLAIN_FIELDS) {
    // An error code is said in words; the code itself stays in the support view.
    const sentence = key === 'code' ? errorCodeText(details[key], t, bank || t('audit.theBank')) : null;
    if (sentence !== null) {
      lines.push([t('audit.fields.error'), sentence]);
      continue;
    }
    const text = valueText(details[key], t, language);
    if (text !== null) lines.push([t(`audit.fields.${key}`), text]);
  }
  return lines;
}
