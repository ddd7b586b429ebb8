// The consent centre for one Open Finance link: its state, products and permissions granted, when it was
// granted, until when it holds or when it was revoked, what stops when it lapses, earlier consents, Renovar.
import { useTranslation } from 'react-i18next';
import type { Connection, ConsentView } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { formatDate, formatDateTime } from '../../format';
import { codeName, consentSentence, consentTone, wantsRenewal, whatStops } from './consent-text';

export interface ConsentDialogProps {
  connection: Connection;
  consent: ConsentView;
  onRenew: () => void;
  onClose: () => void;
}

export function ConsentDialog({ connection: c, consent, onRenew, onClose }: ConsentDialogProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const tone = consentTone(consent.state);
  const date = (iso: string | null) => (iso ? formatDate(iso, lng) : t('consents.unknown'));
  const stoppedAt = consent.state === 'revoked' ? consent.revokedAt : consent.expiresAt;
  return (
    <Dialog
      title={t('consents.dialogTitle', { bank: c.name })}
      onClose={onClose}
      wide
      testId="consent-dialog"
    >
      <p className={`consent-state consent-${tone}`} data-testid="consent-state" data-state={consent.state}>
        {consentSentence(t, consent, lng)}
      </p>
      <p className="hint">{t('consents.intro')}</p>
      <dl className="conn-facts" data-testid="consent-facts">
        <dt>{t('consents.granted')}</dt>
        <dd>{date(consent.grantedAt)}</dd>
        <dt>{t('consents.expires')}</dt>
        <dd data-testid="consent-expires">
          {consent.expiresAt ? (
            <time dateTime={consent.expiresAt}>{formatDate(consent.expiresAt, lng)}</time>
          ) : (
            t('consents.unknown')
          )}
        </dd>
        {consent.revokedAt && (
          <>
            <dt>{t('consents.revokedAt')}</dt>
            <dd data-testid="consent-revoked">{formatDate(consent.revokedAt, lng)}</dd>
          </>
        )}
        {consent.readAt && (
          <>
            <dt>{t('consents.readAt')}</dt>
            <dd>{formatDateTime(consent.readAt, lng)}</dd>
          </>
        )}
      </dl>
      <div className="consent-grants">
        <section aria-labelledby="consent-products">
          <h3 id="consent-products">{t('consents.products')}</h3>
          <CodeList group="productNames" codes={consent.products} testId="consent-products" />
        </section>
        <section aria-labelledby="consent-permissions">
          <h3 id="consent-permissions">{t('consents.permissions')}</h3>
          <CodeList group="permissionNames" codes={consent.permissions} testId="consent-permissions" />
        </section>
      </div>
      <section aria-labelledby="consent-stops" className="consent-stops">
        <h3 id="consent-stops">{t('consents.whatStopsTitle')}</h3>
        {tone === 'stopped' && (
          <p className="error-text" data-testid="consent-stopped">
            {t('consents.stopped', { date: date(stoppedAt) })}
          </p>
        )}
        <p data-testid="consent-what-stops">{whatStops(t, consent.products, lng)}</p>
        <p className="hint">{t('consents.renewHow')}</p>
      </section>
      {consent.history.length > 0 && (
        <section aria-labelledby="consent-history">
          <h3 id="consent-history">{t('consents.history')}</h3>
          <ul className="consent-history" data-testid="consent-history">
            {consent.history.map((h) => (
              <li key={h.consentId}>
                {h.revokedAt
                  ? t('consents.historyRevoked', { granted: date(h.grantedAt), revoked: date(h.revokedAt) })
                  : t('consents.historyRow', { granted: date(h.grantedAt), expires: date(h.expiresAt) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button
          type="button"
          className={wantsRenewal(consent.state) ? 'primary' : undefined}
          onClick={onRenew}
          data-testid="consent-dialog-renew"
        >
          {t('consents.renew')}
        </button>
      </div>
    </Dialog>
  );
}

function CodeList({ group, codes, testId }: { group: string; codes: string[]; testId: string }) {
  const { t } = useTranslation();
  if (codes.length === 0) return <p className="hint">{t('consents.none')}</p>;
  return (
    <ul className="consent-codes" data-testid={testId}>
      {codes.map((code) => (
        <li key={code} title={code}>
          {codeName(t, group, code)}
        </li>
      ))}
    </ul>
  );
}
