// One fatura opened: what is left to pay, its charges (IOF, interest, fees), its payments and its entries.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CardView, FaturaView } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { ErrorState, Loading } from '../../components/QueryState';
import { formatDate, formatMoney, formatMonth } from '../../format';
import { useCategoryName } from '../transactions/category-name';

export function FaturaDetail({ card, fatura }: { card: CardView; fatura: FaturaView }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useClient();
  const categoryName = useCategoryName();
  const q = useQuery({
    queryKey: [...keys.bills, 'transactions', card.accountId, fatura.key],
    queryFn: () => client.invoke('bills.transactions', { accountId: card.accountId, key: fatura.key }),
  });
  const money = (cents: number, currency = card.currencyCode) => formatMoney(cents, currency, lng);
  const closed = fatura.state !== 'open';
  const left = Math.max(0, fatura.total - fatura.paid);
  const label = t('cards.detailOf', {
    month: formatMonth(fatura.month, lng),
    card: card.numberMasked ?? card.name,
  });

  return (
    <div className="fatura-detail" data-testid="fatura-detail" role="region" aria-label={label}>
      {closed && (
        <div className="fatura-detail-facts">
          <dl className="mini-facts" data-testid="fatura-facts">
            <dt>{t('cards.total')}</dt>
            <dd>{money(fatura.total)}</dd>
            <dt>{t('cards.paid')}</dt>
            <dd>{money(fatura.paid)}</dd>
            <dt>{t('cards.left')}</dt>
            <dd className={left > 0 ? 'bad' : undefined}>{money(left)}</dd>
            {fatura.minimumPayment !== null && (
              <>
                <dt>{t('cards.minimum')}</dt>
                <dd>{money(fatura.minimumPayment)}</dd>
              </>
            )}
          </dl>
          <div data-testid="fatura-charges">
            <h4>{t('cards.charges')}</h4>
            {fatura.financeCharges.length === 0 ? (
              <p className="hint">{t('cards.noCharges')}</p>
            ) : (
              <dl className="fatura-lines">
                {fatura.financeCharges.map((c, i) => (
                  <div key={i} className="contents">
                    <dt>
                      {t(`cards.chargeTypes.${c.type}`, {
                        defaultValue: t('cards.chargeTypes.unknown', { code: c.type }),
                      })}
                      {c.additionalInfo ? <span className="hint"> · {c.additionalInfo}</span> : null}
                    </dt>
                    <dd>{money(c.amount)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
          <div data-testid="fatura-payments">
            <h4>{t('cards.payments')}</h4>
            {fatura.payments.length === 0 ? (
              <p className="hint">{t('cards.noPayments')}</p>
            ) : (
              <dl className="fatura-lines">
                {fatura.payments.map((p, i) => (
                  <div key={i} className="contents">
                    <dt>
                      {formatDate(p.paymentDate, lng)} ·{' '}
                      {t(`cards.paymentTypes.${p.valueType}`, {
                        defaultValue: t('cards.paymentTypes.unknown', { code: p.valueType }),
                      })}
                      {p.paymentMode ? (
                        <span className="hint">
                          {' '}
                          · {t(`cards.paymentModes.${p.paymentMode}`, { defaultValue: p.paymentMode })}
                        </span>
                      ) : null}
                    </dt>
                    <dd className="ok">{money(p.amount)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
        </div>
      )}
      <h4>{t('cards.transactions')}</h4>
      {q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.rows.length === 0 && <p className="hint">{t('cards.noTransactions')}</p>}
      {q.data && q.data.rows.length > 0 && (
        <div className="table-scroll">
          <table className="table compact fatura-rows" aria-label={t('cards.transactions')}>
            <thead>
              <tr>
                <th>{t('cards.date')}</th>
                <th>{t('cards.description')}</th>
                <th>{t('cards.category')}</th>
                <th className="num">{t('cards.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.rows.map((tx) => {
                const foreign = tx.amountInAccountCurrency !== null;
                const signed = tx.amountInAccountCurrency ?? tx.amount;
                const currency = foreign ? card.currencyCode : (tx.currencyCode ?? card.currencyCode);
                const parcela =
                  tx.installmentNumber !== null && tx.totalInstallments !== null && tx.totalInstallments > 1;
                return (
                  <tr key={tx.id} data-testid="fatura-row">
                    <td>{formatDate(tx.date, lng)}</td>
                    <td className="fatura-desc">
                      {tx.description}
                      {parcela && (
                        <span className="badge badge-info">
                          {t('cards.parcelaOf', {
                            number: tx.installmentNumber,
                            total: tx.totalInstallments,
                          })}
                        </span>
                      )}
                      {tx.status === 'PENDING' && (
                        <span className="badge badge-warning">{t('cards.pendingBadge')}</span>
                      )}
                    </td>
                    <td>{categoryName(tx.personCategory ?? tx.category)}</td>
                    <td className={`num ${signed < 0 ? 'bad' : 'ok'}`}>
                      {money(signed, currency)}
                      {foreign && (
                        <span className="hint">
                          {' '}
                          {t('transactions.foreignAmount', {
                            amount: formatMoney(Math.abs(tx.amount), tx.currencyCode ?? 'USD', lng),
                          })}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
