// The last sync runs (sync.runs), each with its timeline: request → statuses → pages → rows.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { formatDateTime, formatTime } from '../../format';
import { useActionName } from '../audit/AuditEntryRow';

export function SyncRuns() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useClient();
  const actionName = useActionName();
  const runs = useQuery({
    queryKey: [...keys.syncRuns, 20],
    queryFn: () => client.invoke('sync.runs', { limit: 20 }),
  });
  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title">{t('diagnostics.syncRuns')}</h2>
      {runs.isPending && <Loading />}
      {runs.isError && <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.isSuccess && runs.data.length === 0 && <Empty title={t('diagnostics.noRuns')} />}
      <ul className="runs" data-testid="sync-runs">
        {(runs.data ?? []).map((run) => (
          <li key={run.id} className="card run">
            <details>
              <summary>
                <strong>{run.bankName}</strong> · {formatDateTime(run.startedAt, lng)} ·{' '}
                {t(`diagnostics.reasons.${run.reason}`)} ·{' '}
                <span className={run.outcome === 'success' ? 'ok' : run.outcome === 'running' ? '' : 'bad'}>
                  {t(`diagnostics.outcomes.${run.outcome}`, { defaultValue: run.outcome })}
                </span>
                {run.errorCode && (
                  <span className="hint">
                    {' '}
                    · {t(`status.${run.errorCode}`, { bank: run.bankName, defaultValue: run.errorCode })}
                  </span>
                )}
              </summary>
              {run.counts && (
                <p className="hint">
                  {Object.entries(run.counts)
                    .map(([k, v]) => `${t(`diagnostics.counts.${k}`, { defaultValue: k })}: ${v}`)
                    .join(' · ')}
                </p>
              )}
              <ol className="timeline">
                {run.timeline.map((step, i) => (
                  <li key={i}>
                    <time dateTime={step.at}>{formatTime(step.at, lng)}</time> {actionName(step.action)}
                    {step.summary && <span className="hint"> · {step.summary}</span>}
                  </li>
                ))}
              </ol>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
