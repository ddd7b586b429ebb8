// One line of a row's history in the person's words.
import type { TFunction } from 'i18next';
import type { HistoryEntryView } from '../../../shared/contract';
import { formatDate, formatDayTime, formatMoney } from '../../format';
import { categoryLabel } from '../transactions/category-name';

export function historyLine(h: HistoryEntryView, t: TFunction, lng: string): { what: string; who: string } {
  const d = h.details;
  // A sync run is named by when it started (the moment of the change if the run is no longer kept).
  const run = formatDayTime(h.runAt ?? h.at, lng);
  const text = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'edits.history.yes' : 'edits.history.no');
    if (Array.isArray(v)) return v.length === 0 ? '—' : v.join(', ');
    return String(v);
  };
  const who =
    h.actor === 'person'
      ? t('edits.history.byPerson')
      : h.actor === 'rule'
        ? t('edits.history.byRule', { rule: h.ruleId ?? '?' })
        : h.actor === 'webhook'
          ? t('edits.history.byWebhook')
          : h.runId !== null
            ? t('edits.history.byRun', { run })
            : '';
  switch (h.kind) {
    case 'created':
      return {
        what: h.runId === null ? t('edits.history.createdNoRun') : t('edits.history.created', { run }),
        who: '',
      };
    case 'posted':
      return { what: t('edits.history.posted', { run }), who: '' };
    case 'amount_changed':
      return {
        what: t('edits.history.amount_changed', {
          from: formatMoney(Number(d['from']), 'BRL', lng),
          to: formatMoney(Number(d['to']), 'BRL', lng),
        }),
        who,
      };
    case 'date_changed':
      return {
        what: t('edits.history.date_changed', {
          from: formatDate(String(d['from']), lng),
          to: formatDate(String(d['to']), lng),
        }),
        who,
      };
    case 'edited': {
      // A move Cofre found (a transfer between own accounts, a fatura's payment), or the person's undoing of it.
      if (d['field'] === 'ownMove') {
        const kind = String(d['to'] ?? d['from']);
        const key = d['to'] === null ? `transfers.history.undone_${kind}` : `transfers.history.found_${kind}`;
        return { what: t(key), who };
      }
      // A category in the person's language; none of their own means the bank's stood.
      const value = (v: unknown): string =>
        d['field'] === 'category'
          ? v === null || v === undefined || v === ''
            ? t('edits.history.bankCategory')
            : categoryLabel(t, String(v))
          : text(v);
      return {
        what: t('edits.history.edited', {
          field: t(`edits.history.fields.${String(d['field'])}`, { defaultValue: String(d['field']) }),
          from: value(d['from']),
          to: value(d['to']),
        }),
        who,
      };
    }
    default:
      return { what: t(`edits.history.${h.kind}`, { from: text(d['from']), to: text(d['to']) }), who };
  }
}
