// The relay link as Diagnostics shows it: state, address, last notice received and last error; live via relay.changed.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { ErrorState, Loading } from '../../components/QueryState';
import { RelayStateBadge } from '../../components/RelayStateBadge';
import { formatDateTime } from '../../format';

export function RelayStatus({ support }: { support: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const status = useQuery({ queryKey: keys.relay, queryFn: () => client.invoke('relay.status', {}) });
  return (
    <section aria-labelledby="relay-status-title">
      <h2 id="relay-status-title">{t('relay.title')}</h2>
      {status.isPending && <Loading />}
      {status.isError && <ErrorState error={status.error} onRetry={() => void status.refetch()} />}
      {status.isSuccess && (
        <dl className="facts" data-testid="relay-status">
          <dt>{t('relay.state')}</dt>
          <dd>
            <RelayStateBadge state={status.data.state} />
            <span className="hint"> {t(`relay.stateHints.${status.data.state}`)}</span>
          </dd>
          {status.data.url && (
            <>
              <dt>{t('relay.address')}</dt>
              <dd className="mono">{status.data.url}</dd>
            </>
          )}
          <dt>{t('relay.lastEvent')}</dt>
          <dd data-testid="relay-last-event">
            {status.data.lastEventAt
              ? formatDateTime(status.data.lastEventAt, i18n.language)
              : t('relay.noEvent')}
          </dd>
          <dt>{t('relay.lastError')}</dt>
          <dd className={status.data.lastError ? (support ? 'mono bad' : 'bad') : undefined}>
            {status.data.lastError
              ? support
                ? status.data.lastError
                : t('diagnostics.errorInSupport')
              : t('relay.noError')}
          </dd>
        </dl>
      )}
    </section>
  );
}
