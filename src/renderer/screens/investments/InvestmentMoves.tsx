// One position's movements (aplicações, resgates, impostos, rendimentos), newest first.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InvestmentView } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { ErrorState, Loading } from '../../components/QueryState';
import { formatDate, formatMoney } from '../../format';

export function InvestmentMoves({ position }: { position: InvestmentView }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const q = useQuery({
    queryKey: [...keys.investments, 'moves', position.id],
    queryFn: () => client.invoke('investments.transactions', { investmentId: position.id }),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.length === 0) return <p className="hint">{t('investments.noMoves')}</p>;
  return (
    <table className="table compact" aria-label={t('investments.movesOf', { name: position.name })}>
      <thead>
        <tr>
          <th>{t('investments.moveDate')}</th>
          <th>{t('investments.moveType')}</th>
          <th className="num">{t('investments.moveAmount')}</th>
        </tr>
      </thead>
      <tbody>
        {q.data.map((m) => (
          <tr key={m.id}>
            <td>{m.date ? formatDate(m.date, i18n.language) : '—'}</td>
            <td>
              {m.type
                ? t(`investments.moveTypes.${m.type}`, {
                    defaultValue: t('investments.moveTypes.unknown', { code: m.type }),
                  })
                : '—'}
              {m.description ? <span className="hint"> · {m.description}</span> : null}
            </td>
            <td className={`num ${m.amount !== null && m.amount < 0 ? 'bad' : ''}`}>
              {m.amount === null ? '—' : formatMoney(m.amount, position.currencyCode, i18n.language)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
