// Loans on the Accounts screen: contract, outstanding balance, installments paid and to come, rate.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { formatDate, formatMoney, formatNumber } from '../../format';
import { CoverageNotes } from './CoverageNotes';

export function LoansSection() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const q = useQuery({
    queryKey: [...keys.investments, 'loans'],
    queryFn: () => client.invoke('loans.list', {}),
  });
  if (!q.data) return null;
  const { loans, coverage } = q.data;
  const money = (v: number, c: string) => formatMoney(v, c, i18n.language);
  const pct = (v: number) => formatNumber(Math.round(v * 10_000) / 100, i18n.language);
  if (loans.length === 0 && coverage.every((c) => c.state === 'read')) return null;
  return (
    <section className="panel" aria-labelledby="loans-title" data-testid="loans">
      <div className="panel-header">
        <h2 id="loans-title">{t('loans.title')}</h2>
      </div>
      <CoverageNotes product="loans" coverage={coverage} />
      <ul className="cards account-cards" aria-labelledby="loans-title">
        {loans.map((l) => (
          <li key={l.id} className="card account-card" data-testid="loan-card">
            <span className="hint">
              {l.bankName} ·{' '}
              {t(`loans.kinds.${l.kind ?? 'unknown'}`, { defaultValue: t('loans.kinds.unknown') })}
            </span>
            <strong className="account-name">{l.productName}</strong>
            {l.contractNumberMasked && (
              <span className="hint mono">
                {t('loans.contract')} {l.contractNumberMasked}
              </span>
            )}
            <span className="account-balance bad">
              {l.outstanding === null ? '—' : money(l.outstanding, l.currencyCode)}
            </span>
            <dl className="mini-facts">
              {l.installmentsTotal !== null && (
                <>
                  <dt>{t('loans.installments')}</dt>
                  <dd>
                    {t('loans.installmentsOf', { paid: l.installmentsPaid ?? 0, total: l.installmentsTotal })}
                  </dd>
                </>
              )}
              {l.installmentsDue !== null && (
                <>
                  <dt>{t('loans.toCome')}</dt>
                  <dd>{l.installmentsDue}</dd>
                </>
              )}
              {l.installmentsPastDue !== null && l.installmentsPastDue > 0 && (
                <>
                  <dt>{t('loans.pastDue')}</dt>
                  <dd className="bad">{l.installmentsPastDue}</dd>
                </>
              )}
              {l.interestRate !== null && (
                <>
                  <dt>{t('loans.rate')}</dt>
                  <dd>
                    {t(l.interestRatePeriodicity === 'YEARLY' ? 'loans.rateYearly' : 'loans.rateMonthly', {
                      rate: pct(l.interestRate),
                    })}
                  </dd>
                </>
              )}
              {l.cet !== null && (
                <>
                  <dt>{t('loans.cet')}</dt>
                  <dd>{t('loans.rateYearly', { rate: pct(l.cet) })}</dd>
                </>
              )}
              {l.contractAmount !== null && (
                <>
                  <dt>{t('loans.contracted')}</dt>
                  <dd>{money(l.contractAmount, l.currencyCode)}</dd>
                </>
              )}
              {l.dueDate && (
                <>
                  <dt>{t('loans.ends')}</dt>
                  <dd>{formatDate(l.dueDate, i18n.language)}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
