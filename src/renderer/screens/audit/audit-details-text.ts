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

/** `[label, value]` lines for the entry's known facts (empty when there is nothing a person would read). */
export function auditDetailLines(
  details: Record<string, unknown>,
  t: TFunction,
  language: string,
): [string, string][] {
  const lines: [string, string][] = [];
  for (const key of PLAIN_FIELDS) {
    const text = valueText(details[key], t, language);
    if (text !== null) lines.push([t(`audit.fields.${key}`), text]);
  }
  return lines;
}
