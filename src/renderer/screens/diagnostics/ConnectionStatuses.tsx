// Every bank link's state in words next to its health; Pluggy's raw codes only in the support view.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { formatDateTime } from '../../format';
import { localiseParams } from '../../components/notice-params';

export function ConnectionStatuses({ support }: { support: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const connections = useQuery({
    queryKey: keys.connections,
    queryFn: () => client.invoke('connections.list', {}),
  });
  return (
    <section aria-labelledby="conn-status-title">
      <h2 id="conn-status-title">{t('diagnostics.connections')}</h2>
      {connections.isPending && <Loading />}
      {connections.isError && (
        <ErrorState error={connections.error} onRetry={() => void connections.refetch()} />
      )}
      {connections.isSuccess && connections.data.length === 0 && (
        <Empty title={t('connections.emptyTitle')} />
      )}
      {connections.isSuccess && connections.data.length > 0 && (
        <table className="table" data-testid="connection-statuses">
          <thead>
            <tr>
              <th scope="col">{t('diagnostics.bank')}</th>
              <th scope="col">{t('diagnostics.message')}</th>
              <th scope="col">{t('diagnostics.health')}</th>
              <th scope="col">{t('connections.lastSync')}</th>
              <th scope="col">{t('diagnostics.failures')}</th>
              {support && <th scope="col">{t('diagnostics.rawState')}</th>}
            </tr>
          </thead>
          <tbody>
            {connections.data.map((c) => (
              <tr key={c.itemId}>
                <td>{c.name}</td>
                <td>
                  {t(c.messageKey, {
                    ...localiseParams(c.messageParams, i18n.language),
                    bank: c.messageParams['bank'] ?? c.name,
                  })}
                </td>
                <td>
                  <span className={`badge badge-${c.severity}`}>{t(`connections.badge.${c.severity}`)}</span>
                </td>
                <td>
                  {c.lastSyncedAt ? formatDateTime(c.lastSyncedAt, i18n.language) : t('connections.never')}
                </td>
                <td>{c.consecutiveFailures}</td>
                {support && (
                  <td className="mono">
                    {c.status} / {c.executionStatus}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
