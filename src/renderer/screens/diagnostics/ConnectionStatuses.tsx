// Every bank link's raw state next to what Cofre makes of it, for checking that the health shown is true.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { formatDateTime } from '../../format';

export function ConnectionStatuses() {
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
              <th scope="col">{t('diagnostics.itemStatus')}</th>
              <th scope="col">{t('diagnostics.execution')}</th>
              <th scope="col">{t('diagnostics.health')}</th>
              <th scope="col">{t('connections.lastSync')}</th>
              <th scope="col">{t('diagnostics.failures')}</th>
            </tr>
          </thead>
          <tbody>
            {connections.data.map((c) => (
              <tr key={c.itemId}>
                <td>{c.name}</td>
                <td className="mono">{c.status}</td>
                <td className="mono">{c.executionStatus}</td>
                <td>
                  <span className={`badge badge-${c.severity}`}>{t(`connections.badge.${c.severity}`)}</span>
                </td>
                <td>
                  {c.lastSyncedAt ? formatDateTime(c.lastSyncedAt, i18n.language) : t('connections.never')}
                </td>
                <td>{c.consecutiveFailures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
