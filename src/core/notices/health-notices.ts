// Notices about a link's health that no single run raises: consent about to expire, no new data for days.
import type { EventBus } from '../events/event-bus';
import { addNotice, getSyncState, listConnections } from '../store';
import type { Db } from '../store/db';
import { raiseConsentNotices } from './consent-notices';
import { noticeView } from './notice-view';

const DAY_MS = 86_400_000;
export const STALE_MS = 3 * DAY_MS;

export function raiseHealthNotices(db: Db, events: EventBus, now: number): void {
  const at = new Date(now).toISOString();
  for (const c of listConnections(db)) {
    const params = { bank: c.connectorName };
    const day = at.slice(0, 10);
    raiseConsentNotices(db, events, c, now);
    const state = getSyncState(db, c.id);
    const lastNew = state.lastNewDataAt ?? state.lastSuccessAt;
    if (c.status === 'UPDATED' && lastNew && now - Date.parse(lastNew) > STALE_MS) {
      const added = addNotice(db, {
        level: 'warning',
        kind: 'stale',
        connectionId: c.id,
        messageKey: 'notices.stale',
        params: { ...params, since: lastNew.slice(0, 10) },
        // One a day at most, so a link that stays stale is mentioned again, not every hour.
        dedupeKey: `stale:${c.id}:${day}`,
        at,
      });
      if (added.created) events.emit('notices.new', noticeView(added.notice));
    }
  }
}
