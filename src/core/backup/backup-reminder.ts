// The backup reminder: a notice once a month without a backup of data worth keeping, gone once one is made.
import type { EventBus } from '../events/event-bus';
import { noticeView } from '../notices/notice-view';
import { addNotice, latestNoticeByKey } from '../store/notices';
import { getAppState } from '../store/app-state';
import type { Db } from '../store/db';
import { prepared } from '../store/prepared';
import { LAST_BACKUP_KEY } from './apply-restore';

const DAY_MS = 86_400_000;
export const BACKUP_REMINDER_MS = 30 * DAY_MS;
export const BACKUP_REMINDER_KIND = 'backup_reminder';

/** Raises the reminder when due (once per further month, so a dismissed one comes back a month later). */
export function checkBackupReminder(db: Db, events: EventBus, now: number): void {
  const last = getAppState<{ at: string }>(db, LAST_BACKUP_KEY)?.at ?? null;
  // Without a backup, the month counts from the first connection: an empty Cofre has nothing to lose.
  const since =
    last ??
    (prepared(db, 'SELECT min(first_seen_at) FROM connections WHERE archived_at IS NULL').pluck().get() as
      string | null);
  if (since === null) return;
  const months = Math.floor((now - Date.parse(since)) / BACKUP_REMINDER_MS);
  if (months < 1) {
    resolveBackupReminder(db, now);
    return;
  }
  const dedupeKey = `backup:${last ?? 'never'}:${months}`;
  // Dismissed by the person: not again until another month has passed.
  if (latestNoticeByKey(db, dedupeKey)) return;
  const added = addNotice(db, {
    level: 'info',
    kind: BACKUP_REMINDER_KIND,
    messageKey: last ? 'notices.backup_reminder' : 'notices.backup_never',
    params: { since: since.slice(0, 10) },
    dedupeKey,
    at: new Date(now).toISOString(),
  });
  if (added.created) events.emit('notices.new', noticeView(added.notice));
}

/** A backup was made (or restored): the reminder's reason is gone. */
export function resolveBackupReminder(db: Db, now: number): number {
  return prepared(db, 'UPDATE notices SET dismissed_at = ? WHERE dismissed_at IS NULL AND kind = ?').run(
    new Date(now).toISOString(),
    BACKUP_REMINDER_KIND,
  ).changes;
}
