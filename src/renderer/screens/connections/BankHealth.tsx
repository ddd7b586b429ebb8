// The bank's own health beside the link's (Pluggy's connector status), and the products the bank's last
// execution left out of date: "Investimentos não atualizados desde 02/12".
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/contract';
import { formatDayMonth, formatSince } from '../../format';

const KNOWN = new Set(['ONLINE', 'UNSTABLE', 'OFFLINE']);

/** Pluggy's rate is 0–100 with one decimal. */
const formatPercent = (rate: number, lng: string) =>
  new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 }).format(rate / 100);

/** The facts-list row "Situação do banco": working, or unstable / offline since when, as Pluggy says. */
export function BankHealthFact({ connection: c, now }: { connection: Connection; now: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const health = c.bankHealth;
  if (!health) return null;
  const since = formatSince(health.since, now, lng);
  const key = KNOWN.has(health.status) ? `bankHealth.${health.status}` : 'bankHealth.other';
  return (
    <>
      <dt>{t('bankHealth.label')}</dt>
      <dd data-testid="bank-health" data-status={health.status}>
        {t(key, { since, status: health.status })}
      </dd>
      {health.status !== 'ONLINE' && health.connectionRate !== null && (
        <>
          <dt>{t('bankHealth.rateLabel')}</dt>
          <dd data-testid="bank-rate">{formatPercent(health.connectionRate, lng)}</dd>
        </>
      )}
    </>
  );
}

/**
 * When the bank is unwell but the link's own state is something else (fine, or a problem only the person can
 * fix), the bank's trouble is said apart, asking nothing. When the bank is the problem, the card's message
 * already says so.
 */
export function BankHealthNote({ connection: c }: { connection: Connection }) {
  const { t } = useTranslation();
  const status = c.bankHealth?.status;
  if (!status || status === 'ONLINE' || c.problemAt === 'bank') return null;
  return (
    <p className="warn-text bank-note" data-testid="bank-health-note">
      {t(status === 'OFFLINE' ? 'bankHealth.offlineNow' : 'bankHealth.unstableNow', {
        bank: c.connector.name,
      })}
    </p>
  );
}

/** The badge of a card whose trouble is the bank's, not the link's. */
export function bankBadgeKey(c: Connection): string | null {
  if (c.problemAt !== 'bank') return null;
  return c.bankHealth?.status === 'OFFLINE' ? 'bankHealth.badgeOffline' : 'bankHealth.badge';
}

/** Each product the bank's last execution did not update, with the last time it did when Pluggy says. */
export function ProductFreshness({ connection: c }: { connection: Connection }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const stale = (c.freshness ?? []).filter((p) => p.isUpdated === false);
  if (stale.length === 0) return null;
  return (
    <ul className="freshness warn-text" aria-label={t('freshness.title')} data-testid="freshness">
      {stale.map((p) => {
        const when = p.lastUpdatedAt ? 'since' : 'last';
        const values = {
          date: p.lastUpdatedAt ? formatDayMonth(p.lastUpdatedAt, lng) : '',
          product: p.product,
        };
        return (
          <li key={p.product} data-product={p.product}>
            {t(`freshness.products.${p.product}.${when}`, {
              ...values,
              defaultValue: t(`freshness.other.${when}`, values),
            })}
          </li>
        );
      })}
    </ul>
  );
}
