// A link's consent as the consent centre shows it: state, days left, products and permissions, history.
import type { ConsentState, ConsentView } from '../../shared/contract';
import { consentStage, type ConsentStage } from '../notices/consent-notices';
import { listConsents, type StoredConnection } from '../store';
import type { Db } from '../store/db';

const DAY_MS = 86_400_000;

const STATE: Record<ConsentStage, ConsentState> = {
  none: 'valid',
  first: 'expiring',
  last: 'expiring_soon',
  expired: 'expired',
  revoked: 'revoked',
};

/** Null for a link that is not Open Finance, or one Cofre knows no consent of. */
export function consentView(db: Db, c: StoredConnection, now: number): ConsentView | null {
  const all = listConsents(db, c.id);
  const current = [...all].reverse().find((x) => x.revokedAt === null) ?? all.at(-1) ?? null;
  if (!current && !c.consentExpiresAt) return null;
  const expiresAt = current ? current.expiresAt : c.consentExpiresAt;
  const revokedAt = current?.revokedAt ?? null;
  const stage = consentStage({ expiresAt, revokedAt }, now);
  const left = expiresAt === null ? null : Date.parse(expiresAt) - now;
  return {
    itemId: c.id,
    consentId: current?.id ?? null,
    state: expiresAt === null && stage === 'none' ? 'no_expiry' : STATE[stage],
    daysLeft: left === null || !Number.isFinite(left) ? null : Math.max(0, Math.ceil(left / DAY_MS)),
    products: current?.products ?? [],
    permissions: current?.permissions ?? [],
    grantedAt: current?.createdAt ?? null,
    expiresAt,
    revokedAt,
    readAt: current?.readAt ?? null,
    history: all
      .filter((x) => x.id !== current?.id)
      .reverse()
      .slice(0, 100)
      .map((x) => ({
        consentId: x.id,
        grantedAt: x.createdAt,
        expiresAt: x.expiresAt,
        revokedAt: x.revokedAt,
      })),
  };
}
