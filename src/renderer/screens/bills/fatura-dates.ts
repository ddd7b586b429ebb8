// The open fatura's closing and due dates in words: "fecha em 5 dias, 05/01/2027", "vence hoje, …".
import type { TFunction } from 'i18next';
import type { FaturaView } from '../../../shared/contract';
import { formatDate } from '../../format';

export function closingText(f: FaturaView, t: TFunction, language: string): string | null {
  if (f.closingDate === null || f.daysToClosing === null) return null;
  const date = formatDate(f.closingDate, language);
  if (f.daysToClosing < 0) return t('cards.closedOn', { date });
  if (f.daysToClosing === 0) return t('cards.closesToday', { date });
  return t('cards.closesIn', { count: f.daysToClosing, date });
}

export function dueText(f: FaturaView, t: TFunction, language: string): string | null {
  if (f.dueDate === null || f.daysToDue === null) return null;
  const date = formatDate(f.dueDate, language);
  if (f.daysToDue === 0) return t('cards.dueToday', { date });
  if (f.daysToDue < 0) return t('cards.dueAgo', { count: -f.daysToDue, date });
  return t('cards.dueIn', { count: f.daysToDue, date });
}
