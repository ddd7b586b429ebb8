// Investimentos: positions grouped by kind (balance, invested, profit, maturity), each one's movements, net worth.
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InvestmentGroup, type InvestmentView } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { formatDate, formatMoney, formatNumber } from '../../format';
import { CoverageNotes } from './CoverageNotes';
import { InvestmentMoves } from './InvestmentMoves';
import { NetWorthLine } from './NetWorthLine';

function useRate() {
  const { t, i18n } = useTranslation();
  return (p: InvestmentView): string | null => {
    const n = (v: number) => formatNumber(v, i18n.language);
    const index = p.rateType ?? '';
    if (p.rate !== null && /^(CDI|SELIC|DI)$/i.test(index))
      return t('investments.rateCdi', { rate: n(p.rate), index });
    if (p.fixedAnnualRate !== null && index)
      return t('investments.rateIndexPlus', { rate: n(p.fixedAnnualRate), index });
    if (p.fixedAnnualRate !== null) return t('investments.rateFixed', { rate: n(p.fixedAnnualRate) });
    return null;
  };
}

export function InvestmentsScreen() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const rate = useRate();
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery({ queryKey: keys.investments, queryFn: () => client.invoke('investments.list', {}) });
  const positions = q.data?.positions ?? [];
  const money = (v: number, c = 'BRL') => formatMoney(v, c, i18n.language);
  const brlTotal = (rows: InvestmentView[]) =>
    rows.filter((p) => p.currencyCode === 'BRL').reduce((s, p) => s + p.balance, 0);

  return (
    <section aria-labelledby="investments-title" className="screen">
      <header className="screen-header">
        <h1 id="investments-title">{t('investments.title')}</h1>
      </header>
      <NetWorthLine />
      {q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && <CoverageNotes product="investments" coverage={q.data.coverage} />}
      {q.isSuccess && positions.length === 0 && (
        <Empty title={t('investments.emptyTitle')}>
          <p>{t('investments.emptyText')}</p>
        </Empty>
      )}
      {positions.length > 0 && (
        <dl className="totals" data-testid="investments-total">
          <div>
            <dt>{t('investments.total')}</dt>
            <dd>{money(brlTotal(positions))}</dd>
          </div>
        </dl>
      )}
      {InvestmentGroup.options.map((group) => {
        const rows = positions.filter((p) => p.group === group);
        if (rows.length === 0) return null;
        const title = t(`investments.groups.${group}`);
        return (
          <section
            key={group}
            className="panel investment-group"
            aria-label={title}
            data-testid="investment-group"
          >
            <div className="panel-header">
              <h2>{title}</h2>
              <strong>{money(brlTotal(rows))}</strong>
            </div>
            <div className="table-scroll">
              <table className="table compact investments-table">
                <thead>
                  <tr>
                    <th>{t('investments.name')}</th>
                    <th className="num">{t('investments.balance')}</th>
                    <th className="num">{t('investments.invested')}</th>
                    <th className="num">{t('investments.profit')}</th>
                    <th>{t('investments.due')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p) => {
                    const r = rate(p);
                    const withdrawn = p.status === 'TOTAL_WITHDRAWAL';
                    return (
                      <Fragment key={p.id}>
                        <tr data-testid="investment-row" className={withdrawn ? 'muted-row' : undefined}>
                          <td>
                            <strong>{p.name}</strong>
                            <span className="hint investment-meta">
                              {[p.bankName, r, withdrawn ? t('investments.withdrawn') : null]
                                .filter(Boolean)
                                .join(' · ')}
                            </span>
                          </td>
                          <td className="num">{money(p.balance, p.currencyCode)}</td>
                          <td className="num">
                            {p.invested === null ? (
                              <span className="hint">{t('investments.notGiven')}</span>
                            ) : (
                              money(p.invested, p.currencyCode)
                            )}
                          </td>
                          <td className={`num ${p.profit !== null && p.profit < 0 ? 'bad' : ''}`}>
                            {p.profit === null ? (
                              <span className="hint">{t('investments.notGiven')}</span>
                            ) : (
                              money(p.profit, p.currencyCode)
                            )}
                          </td>
                          <td>{p.dueDate ? formatDate(p.dueDate, i18n.language) : '—'}</td>
                          <td>
                            <button
                              type="button"
                              className="link-button"
                              aria-expanded={open === p.id}
                              onClick={() => setOpen(open === p.id ? null : p.id)}
                            >
                              {open === p.id ? t('investments.hideMoves') : t('investments.showMoves')}
                            </button>
                          </td>
                        </tr>
                        {open === p.id && (
                          <tr>
                            <td colSpan={6} data-testid="investment-moves">
                              <InvestmentMoves position={p} />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </section>
  );
}
