// Diagnostics: health checks, version, mode, data folder, link states, relay, database, balance check, sync runs,
// support report.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthCheck } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { ErrorState, Loading } from '../../components/QueryState';
import { formatDateTime, formatDuration } from '../../format';
import { useAttentionCount } from '../connections/attention';
import { LedgerSection } from '../ledger/LedgerSection';
import { ConnectionStatuses } from './ConnectionStatuses';
import { DatabaseHealth } from './DatabaseHealth';
import { RelayStatus } from './RelayStatus';
import { SupportReport } from './SupportReport';
import { SyncRuns } from './SyncRuns';

export function DiagnosticsScreen() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const health = useQuery({ queryKey: keys.health, queryFn: () => client.invoke('health.get', {}) });
  // Cofre itself may work while links wait for the person: never "all good" then.
  const attention = useAttentionCount();
  // Codes, paths and English texts only when asked for: the screen says everything in words first.
  const [support, setSupport] = useState(false);
  const checkText = useCheckText();
  const refresh = () => {
    const ledger = [...keys.accounts, 'ledger'];
    for (const key of [keys.health, keys.relay, keys.database, keys.connections, keys.syncRuns, ledger]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };

  return (
    <section aria-labelledby="diagnostics-title" className="screen">
      <header className="screen-header">
        <h1 id="diagnostics-title">{t('diagnostics.title')}</h1>
        <div className="header-actions">
          <button
            type="button"
            aria-pressed={support}
            onClick={() => setSupport((v) => !v)}
            data-testid="support-toggle"
          >
            {support ? t('diagnostics.hideSupport') : t('diagnostics.support')}
          </button>
          <button type="button" onClick={refresh} disabled={health.isFetching}>
            {t('diagnostics.refresh')}
          </button>
        </div>
      </header>
      <p className="intro">{t('diagnostics.intro')}</p>
      {support && <p className="hint">{t('diagnostics.supportHint')}</p>}
      {health.isPending && <Loading />}
      {health.isError && <ErrorState error={health.error} onRetry={() => void health.refetch()} />}
      {health.data && (
        <>
          <dl className="facts" data-testid="health-facts">
            <dt>{t('diagnostics.status')}</dt>
            <dd
              data-testid="health-status"
              className={`badge badge-${attention > 0 ? 'warning' : health.data.status}`}
            >
              {attention > 0
                ? t('connections.attention', { count: attention })
                : health.data.status === 'ok'
                  ? t('diagnostics.statusOk')
                  : t('diagnostics.statusDegraded')}
            </dd>
            <dt>{t('diagnostics.version')}</dt>
            <dd data-testid="health-version">{health.data.version}</dd>
            <dt>{t('diagnostics.mode')}</dt>
            <dd>{t(`mode.${health.data.mode}`)}</dd>
            <dt>{t('diagnostics.startedAt')}</dt>
            <dd>{formatDateTime(health.data.startedAt, i18n.language)}</dd>
            <dt>{t('diagnostics.uptime')}</dt>
            <dd>{formatDuration(health.data.uptimeSeconds, i18n.language)}</dd>
            {support && (
              <>
                <dt>{t('diagnostics.node')}</dt>
                <dd>{health.data.nodeVersion}</dd>
              </>
            )}
            <dt>{t('diagnostics.dataDir')}</dt>
            <dd className="mono">{health.data.dataDir}</dd>
          </dl>
          <h2>{t('diagnostics.checks')}</h2>
          <table className="table" data-testid="health-checks">
            <thead>
              <tr>
                <th scope="col">{t('diagnostics.check')}</th>
                <th scope="col">{t('diagnostics.result')}</th>
                <th scope="col">{t('diagnostics.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {health.data.checks.map((check) => (
                <tr key={check.name}>
                  <td>{t(`diagnostics.checkNames.${check.name}`, { defaultValue: check.name })}</td>
                  <td className={check.ok ? 'ok' : 'bad'}>
                    {check.ok ? t('common.ok') : t('common.failed')}
                  </td>
                  <td>
                    {checkText(check)}
                    {support && <div className="mono hint">{check.detail}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <ConnectionStatuses support={support} />
      <RelayStatus support={support} />
      <DatabaseHealth support={support} />
      <LedgerSection support={support} />
      <SyncRuns support={support} />
      <SupportReport health={health.data} support={support} />
    </section>
  );
}

/** A check's result in words: its own sentence, an error code's explanation, or the relay's state. */
function useCheckText(): (check: HealthCheck) => string {
  const { t } = useTranslation();
  return (check) => {
    const params = check.messageParams;
    if (check.messageKey === 'error')
      return t(`errors.${params['code'] ?? 'internal'}`, {
        defaultValue: t('diagnostics.checkDetails.failed'),
      });
    if (check.messageKey === 'relay') return t(`relay.stateHints.${params['state'] ?? 'unpaired'}`);
    return t(`diagnostics.checkDetails.${check.messageKey}`, {
      ...params,
      defaultValue: check.ok ? t('common.ok') : t('diagnostics.checkDetails.failed'),
    });
  };
}
