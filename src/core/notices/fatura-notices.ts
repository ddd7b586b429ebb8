// Notices about a card's faturas: one closing in 3 days, one due in 3 days with money left to pay. Each is raised
// once (a notice the person dismissed is not raised again) and puts itself away once its day has passed or the
// fatura is paid.
import type { CardView } from '../../shared/contract';
import { cardsView } from '../bills/card-faturas';
import type { EventBus } from '../events/event-bus';
import { addNotice, dismissNotice, latestNoticeByKey, listNotices, type NewNotice } from '../store';
import type { Db } from '../store/db';
import { noticeView } from './notice-view';

/** How far ahead: three days leave time to buy before the closing, or to pay before the due date. */
export const FATURA_NOTICE_DAYS = 3;
export const FATURA_NOTICE_KINDS = ['fatura_closing', 'fatura_due'] as const;
const KEY_PREFIX = 'fatura:';

type Wanted = Required<
  Pick<NewNotice, 'level' | 'kind' | 'messageKey' | 'connectionId' | 'params' | 'dedupeKey'>
>;

const soon = (days: number | null): boolean => days !== null && days >= 0 && days <= FATURA_NOTICE_DAYS;

/** The fatura notices the cards call for at this moment. */
export function wantedFaturaNotices(cards: readonly CardView[]): Wanted[] {
  const out: Wanted[] = [];
  for (const c of cards) {
    const base = { card: c.numberMasked ? `${c.name} ${c.numberMasked}` : c.name, bank: c.bankName };
    const open = c.open;
    if (open?.closingDate && soon(open.daysToClosing)) {
      const date = open.closingDate.slice(0, 10);
      out.push({
        level: 'info',
        kind: 'fatura_closing',
        messageKey: 'notices.fatura_closing',
        connectionId: c.connectionId,
        params: { ...base, date, totalCents: open.total, currency: c.currencyCode },
        dedupeKey: `${KEY_PREFIX}closing:${c.accountId}:${date}`,
      });
    }
    for (const f of [...(open ? [open] : []), ...c.closed]) {
      const left = f.total - f.paid;
      if (!f.dueDate || f.state === 'paid' || left <= 0 || !soon(f.daysToDue)) continue;
      const date = f.dueDate.slice(0, 10);
      out.push({
        level: 'warning',
        kind: 'fatura_due',
        messageKey: 'notices.fatura_due',
        connectionId: c.connectionId,
        params: { ...base, date, amountCents: left, currency: c.currencyCode },
        dedupeKey: `${KEY_PREFIX}due:${c.accountId}:${date}`,
      });
    }
  }
  return out;
}

/** Raises the fatura notices due now and puts away the active ones no longer called for. */
export function raiseFaturaNotices(db: Db, events: EventBus, now: number): void {
  const at = new Date(now).toISOString();
  const wanted = wantedFaturaNotices(cardsView(db, now).cards);
  const keys = new Set(wanted.map((w) => w.dedupeKey));
  for (const n of listNotices(db, { limit: 1000 })) {
    if (n.dedupeKey?.startsWith(KEY_PREFIX) && !keys.has(n.dedupeKey)) dismissNotice(db, n.id, at);
  }
  for (const w of wanted) {
    if (latestNoticeByKey(db, w.dedupeKey)) continue;
    const added = addNotice(db, { ...w, at });
    if (added.created) events.emit('notices.new', noticeView(added.notice));
  }
}
