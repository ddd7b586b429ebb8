// "Comprometido": what parcelas already commit for each coming month, and each purchase still being paid.
import { useTranslation } from 'react-i18next';
import type { MonthAmountView, PurchaseAheadView } from '../../../shared/contract';
import { formatDate, formatMoney, formatMonthShort } from '../../format';

export function AheadMonths({
  label,
  months,
  currency,
  testId,
}: {
  label: string;
  months: MonthAmountView[];
  currency: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="ahead" data-testid={testId}>
      <span className="ahead-label">{label}</span>
      {months.length === 0 ? (
        <span className="hint">{t('cards.aheadNone')}</span>
      ) : (
        <ul className="ahead-months" aria-label={label}>
          {months.map((m) => (
            <li key={m.month}>
              <span className="hint">{formatMonthShort(m.month, i18n.language)}</span>{' '}
              <strong>{formatMoney(m.cents, currency, i18n.language)}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PurchasesAhead({
  purchases,
  currency,
}: {
  purchases: PurchaseAheadView[];
  currency: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (purchases.length === 0) return null;
  return (
    <details className="purchases-ahead" data-testid="purchases-ahead">
      <summary>{t('cards.purchases', { count: purchases.length })}</summary>
      <ul>
        {purchases.map((p) => {
          const left = formatMoney(p.remainingCents, currency, lng);
          return (
            <li key={`${p.description}|${p.purchaseDate ?? ''}|${p.lastMonth}`} data-testid="purchase-ahead">
              <strong>{p.description}</strong>
              <span>
                {p.current > 0
                  ? t('cards.purchaseLine', { current: p.current, total: p.totalInstallments, left })
                  : t('cards.purchaseNotStarted', { left })}
              </span>
              <span className="hint">
                {[
                  p.totalAmount !== null
                    ? t('cards.purchaseTotal', { amount: formatMoney(p.totalAmount, currency, lng) })
                    : null,
                  p.purchaseDate ? formatDate(p.purchaseDate, lng) : null,
                  t('cards.purchaseLast', { month: formatMonthShort(p.lastMonth, lng) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
