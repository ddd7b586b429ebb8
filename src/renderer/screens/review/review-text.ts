// The words of a day's review: "1 nova conexão, 2 exportações", and "Hoje" / "Ontem" / "Em 03/12/2026".
import type { TFunction } from 'i18next';
import { REVIEW_CATEGORIES, type ReviewCategory } from '../../../shared/contract';
import { dayString, daysAgo } from '../../dates';
import { formatDate } from '../../format';

export type ReviewCounts = Partial<Record<ReviewCategory, number>>;

/** The findings in the review's fixed order, joined by commas as the notice reads them. */
export function reviewSummary(counts: ReviewCounts, t: TFunction): string {
  return REVIEW_CATEGORIES.filter((c) => (counts[c] ?? 0) > 0)
    .map((c) => t(`security.categories.${c}`, { count: counts[c] }))
    .join(', ');
}

export function reviewWhen(day: string, t: TFunction, language: string, now: Date = new Date()): string {
  if (day === dayString(now)) return t('security.today');
  if (day === dayString(daysAgo(1, now))) return t('security.yesterday');
  return t('security.onDay', { date: formatDate(`${day}T12:00:00Z`, language) });
}

/** A review notice's counts, from its string parameters. */
export function countsOfParams(params: Record<string, string>): ReviewCounts {
  const counts: ReviewCounts = {};
  for (const c of REVIEW_CATEGORIES) if (params[c]) counts[c] = Number(params[c]);
  return counts;
}

/** The Audit screen, filtered to the entries the review of `day` found. */
export const reviewAuditHref = (day: string) => `#/audit?review=${day}`;
