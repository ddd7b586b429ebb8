// Entradas, saídas and saldo of the filtered transactions (transactions.totals), spending only, in centavos.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TransactionFilter } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { formatMoney } from '../../format';

interface Props {
  filter: TransactionFilter;
  currency: string;
  /** The totals scan the matching rows: they wait for the first page, as the count does. */
  enabled: boolean;
}

export function TransactionTotals({ filter, currency, enabled }: Props) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const totals = useQuery({
    queryKey: [...keys.transactions, 'totals', filter],
    queryFn: () => client.invoke('transactions.totals', { filter }),
    enabled,
  });
  if (!totals.data) return null;
  const money = (cents: number) => formatMoney(cents, currency, i18n.language);
  const { inflow, outflow, net, movedCount, copyCount } = totals.data;
  return (
    <div className="tx-totals" data-testid="transaction-totals">
      <dl className="totals" aria-label={t('transactions.totalsLabel')}>
        <div>
          <dt>{t('transactions.totalsIn')}</dt>
          <dd className="ok" data-testid="totals-in">
            {money(inflow)}
          </dd>
        </div>
        <div>
          <dt>{t('transactions.totalsOut')}</dt>
          <dd className="bad" data-testid="totals-out">
            {money(-outflow)}
          </dd>
        </div>
        <div>
          <dt>{t('transactions.totalsNet')}</dt>
          <dd className={net < 0 ? 'bad' : 'ok'} data-testid="totals-net">
            {money(net)}
          </dd>
        </div>
      </dl>
      {movedCount > 0 && <p className="hint">{t('transactions.totalsMoved', { count: movedCount })}</p>}
      {copyCount > 0 && (
        <p className="hint" data-testid="totals-copies">
          {t('transfers.duplicate.totalsCopies', { count: copyCount })}
        </p>
      )}
    </div>
  );
}
