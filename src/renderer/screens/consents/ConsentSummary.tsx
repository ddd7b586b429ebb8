// A card's consent line: valid until when, warned 30 and 7 days ahead, lapsed or revoked said plainly, with
// Renovar when it is time and the way into the consent centre. Links without Open Finance have no consent.
import { useTranslation } from 'react-i18next';
import type { Connection, ConsentView } from '../../../shared/contract';
import { formatDate } from '../../format';
import { consentSentence, consentTone, wantsRenewal } from './consent-text';

export interface ConsentSummaryProps {
  connection: Connection;
  /** The link's consent as last read; undefined while loading, null when none is known yet. */
  consent: ConsentView | null | undefined;
  onOpen: () => void;
  onRenew: () => void;
}

export function ConsentSummary({ connection: c, consent, onOpen, onRenew }: ConsentSummaryProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const bank = c.name;
  if (!consent) {
    // Before the first sync reads it, the item's own expiry (if Pluggy gave one) is all there is.
    return (
      <div className="consent-line consent-calm" data-testid="consent-summary" data-state="unknown">
        <p>
          {c.consentExpiresAt
            ? t('consents.validUntil', { date: formatDate(c.consentExpiresAt, lng) })
            : `${t('consents.label')}: ${t('consents.notRead')}`}
        </p>
      </div>
    );
  }
  const tone = consentTone(consent.state);
  const renew = wantsRenewal(consent.state);
  return (
    <div
      className={`consent-line consent-${tone}`}
      data-testid="consent-summary"
      data-state={consent.state}
      data-expires-at={consent.expiresAt ?? undefined}
    >
      <p role={tone === 'calm' ? undefined : 'status'}>{consentSentence(t, consent, lng)}</p>
      <div className="consent-line-actions">
        {renew && (
          <button
            type="button"
            className={tone === 'warn' ? undefined : 'primary'}
            onClick={onRenew}
            aria-label={t('consents.renewBank', { bank })}
            data-testid="consent-renew"
          >
            {t('consents.renew')}
          </button>
        )}
        <button
          type="button"
          className="link-button"
          onClick={onOpen}
          aria-label={t('consents.openBank', { bank })}
          data-testid="consent-open"
        >
          {t('consents.open')}
        </button>
      </div>
    </div>
  );
}
