// The notice "the bank has been unstable for more than an hour": raised once per spell, put away when it ends.
import type { EventBus } from '../events/event-bus';
import { noticeView } from '../notices/notice-view';
import { addNotice, listConnections, listConnectorStatuses, resolveNoticesByKeyPrefix } from '../store';
import type { Db } from '../store/db';

/** A bank that stays unstable this long is worth a notice; shorter blips resolve before anyone acts. */
export const BANK_UNSTABLE_NOTICE_MS = 3_600_000;

export const isBankProblem = (status: string | null | undefined): boolean =>
  typeof status === 'string' && status !== 'ONLINE';

const keyPrefix = (connectorId: number) => `bank-unstable:${connectorId}:`;

/** For every bank the person has a link at: a notice after an hour unwell, none once it is back. */
export function raiseBankNotices(db: Db, events: EventBus, now: number): void {
  const at = new Date(now).toISOString();
  const links = listConnections(db).filter((c) => c.archivedAt === null);
  for (const health of listConnectorStatuses(db)) {
    const link = links.find((c) => c.connectorId === health.connectorId);
    const unwellFor = now - Date.parse(health.since);
    if (!link || !isBankProblem(health.status)) {
      resolveNoticesByKeyPrefix(db, keyPrefix(health.connectorId), at);
      continue;
    }
    if (!(unwellFor >= BANK_UNSTABLE_NOTICE_MS)) continue;
    const added = addNotice(db, {
      level: 'warning',
      kind: 'bank_unstable',
      connectionId: link.id,
      messageKey: health.status === 'OFFLINE' ? 'notices.bank_offline' : 'notices.bank_unstable',
      params: { bank: link.connectorName, since: health.since },
      // One per spell: the same spell never raises it twice, a new one does.
      dedupeKey: `${keyPrefix(health.connectorId)}${health.since}`,
      at,
    });
    if (added.created) events.emit('notices.new', noticeView(added.notice));
  }
}
