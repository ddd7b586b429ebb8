// Notices about an Open Finance consent: 30 and 7 days before it lapses, once lapsed, and once revoked.
import {
  addNotice,
  currentConsent,
  latestNoticeByKey,
  resolveNotices,
  type StoredConnection,
} from '../store';
import type { Db } from '../store/db';
import type { EventBus } from '../events/event-bus';
import { noticeView } from './notice-view';

const DAY_MS = 86_400_000;
/** The first warning: a month leaves time to renew when convenient. */
export const CONSENT_FIRST_WARNING_DAYS = 30;
/** The second warning: a week before, when renewing becomes urgent. */
export const CONSENT_LAST_WARNING_DAYS = 7;
export const CONSENT_NOTICE_KINDS = ['consent_expiring', 'consent_revoked'] as const;

export type ConsentStage = 'none' | 'first' | 'last' | 'expired' | 'revoked';

/** Where a consent stands at `now`; a consent with no expiry is never "expiring". */
export function consentStage(
  consent: { expiresAt: string | null; revokedAt: string | null },
  now: number,
): ConsentStage {
  if (consent.revokedAt !== null) return 'revoked';
  if (consent.expiresAt === null) return 'none';
  const left = Date.parse(consent.expiresAt) - now;
  if (!Number.isFinite(left)) return 'none';
  if (left <= 0) return 'expired';
  if (left <= CONSENT_LAST_WARNING_DAYS * DAY_MS) return 'last';
  if (left <= CONSENT_FIRST_WARNING_DAYS * DAY_MS) return 'first';
  return 'none';
}

/** The consent Cofre knows for a link: the one read from /consents, else the item's own consentExpiresAt. */
export function consentOf(db: Db, c: StoredConnection) {
  const stored = currentConsent(db, c.id);
  if (stored) return stored;
  return c.consentExpiresAt ? { id: null, expiresAt: c.consentExpiresAt, revokedAt: null } : null;
}

/**
 * One notice per stage of each consent: raised once (a notice the person dismissed is not raised again),
 * and the earlier stage's notice put away when the next one comes. A renewed consent puts all of them away.
 */
export function raiseConsentNotices(db: Db, events: EventBus, c: StoredConnection, now: number): void {
  const at = new Date(now).toISOString();
  const consent = c.archivedAt === null ? consentOf(db, c) : null;
  const stage = consent ? consentStage(consent, now) : 'none';
  if (!consent || stage === 'none') {
    resolveNotices(db, c.id, CONSENT_NOTICE_KINDS, at);
    return;
  }
  const key = `consent:${c.id}:${consent.expiresAt ?? ''}:${stage}`;
  if (latestNoticeByKey(db, key)) return;
  resolveNotices(db, c.id, CONSENT_NOTICE_KINDS, at);
  const date = (stage === 'revoked' ? consent.revokedAt : consent.expiresAt) ?? '';
  const days = Math.max(0, Math.ceil((Date.parse(consent.expiresAt ?? '') - now) / DAY_MS));
  const added = addNotice(db, {
    level: stage === 'first' ? 'info' : stage === 'last' ? 'warning' : 'error',
    kind: stage === 'revoked' ? 'consent_revoked' : 'consent_expiring',
    connectionId: c.id,
    messageKey:
      stage === 'revoked'
        ? 'notices.consent_revoked'
        : stage === 'expired'
          ? 'notices.consent_expired'
          : 'notices.consent_expiring',
    params: { bank: c.connectorName, date: date.slice(0, 10), ...(stage === 'revoked' ? {} : { days }) },
    dedupeKey: key,
    at,
  });
  if (added.created) events.emit('notices.new', noticeView(added.notice));
}
