// The net worth line: contas + investimentos − faturas abertas − empréstimos, with what it counts and leaves out.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { formatMoney } from '../../format';

export function NetWorthLine() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const q = useQuery({
    queryKey: [...keys.investments, 'netWorth'],
    queryFn: () => client.invoke('investments.netWorth', {}),
  });
  if (!q.data) return null;
  const n = q.data;
  const money = (v: number) => formatMoney(v, 'BRL', i18n.language);
  // Two links with one name (the same bank twice) are one phrase, not the same words repeated.
  const left = [
    ...new Set(
      n.notCounted.map((c) =>
        t('netWorth.notCountedItem', { product: t(`netWorth.products.${c.product}`), bank: c.bankName }),
      ),
    ),
  ];
  return (
    <section className="panel net-worth" aria-labelledby="net-worth-title" data-testid="net-worth">
      <dl className="net-worth-line">
        <div className="net-worth-total">
          <dt id="net-worth-title">{t('netWorth.title')}</dt>
          <dd data-testid="net-worth-total" className={n.total < 0 ? 'bad' : undefined}>
            {money(n.total)}
          </dd>
        </div>
        <div>
          <dt>{t('netWorth.accounts')}</dt>
          <dd>{money(n.accounts)}</dd>
        </div>
        <div>
          <dt>+ {t('netWorth.investments')}</dt>
          <dd>{money(n.investments)}</dd>
        </div>
        {n.openBills !== null && (
          <div>
            <dt>− {t('netWorth.openBills')}</dt>
            <dd className="bad" data-testid="net-worth-open-bills">
              {money(n.openBills)}
            </dd>
          </div>
        )}
        <div>
          <dt>− {t('netWorth.loans')}</dt>
          <dd className={n.loans < 0 ? 'bad' : undefined}>{money(n.loans)}</dd>
        </div>
      </dl>
      <p className="hint">{t(n.openBills === null ? 'netWorth.billsNotRead' : 'netWorth.billsCounted')}</p>
      {left.length > 0 && <p className="hint">{t('netWorth.notCounted', { what: left.join(', ') })}</p>}
      {n.foreignLeftOut > 0 && <p className="hint">{t('netWorth.foreign', { count: n.foreignLeftOut })}</p>}
    </section>
  );
}
