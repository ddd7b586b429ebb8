// One notice per day with findings ("Hoje: 1 nova conexão, 2 exportações — foi você?"), kept up to date.
import type { EventBus } from '../events/event-bus';
import { noticeView } from '../notices/notice-view';
import { addNotice, latestNoticeByKey, reviseNotice, type Notice } from '../store';
import type { Db } from '../store/db';
import { lastDays } from './local-day';
import { reviewDay, type DayReview } from './review';

export const REVIEW_NOTICE_KIND = 'security_review';
/** Today and yesterday: a finding from the evening is still news the next morning. */
const NOTICE_DAYS = 2;

function paramsOf(review: DayReview): Record<string, string> {
  const params: Record<string, string> = { day: review.day };
  for (const [category, count] of Object.entries(review.counts)) params[category] = String(count);
  return params;
}

/**
 * The day's notice: created on its first finding; when more appear later that day the same notice is
 * updated (and shown again if it was dismissed), so a day never has two.
 */
function upsertDayNotice(db: Db, events: EventBus, review: DayReview, at: string): void {
  if (review.entryIds.length === 0) return;
  const dedupeKey = `review:${review.day}`;
  const params = paramsOf(review);
  const changed = db
    .transaction((): Notice | null => {
      const existing = latestNoticeByKey(db, dedupeKey);
      if (!existing) {
        return addNotice(db, {
          level: 'warning',
          kind: REVIEW_NOTICE_KIND,
          messageKey: 'notices.security_review',
          params,
          dedupeKey,
          at,
        }).notice;
      }
      if (JSON.stringify(existing.params) === JSON.stringify(params)) return null;
      return reviseNotice(db, existing.id, params, at);
    })
    .immediate();
  if (changed) events.emit('notices.new', noticeView(changed));
}

/** Reviews today and yesterday and raises or refreshes their notices. */
export function raiseReviewNotices(db: Db, events: EventBus, now: number): void {
  const at = new Date(now).toISOString();
  for (const day of lastDays(now, NOTICE_DAYS)) upsertDayNotice(db, events, reviewDay(db, day), at);
}
