// The last sync runs (sync.runs), each with its timeline: request → statuses → pages → rows.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { formatDateTime, formatTime } from '../../format';
import { useActionName } from '../audit/AuditEntryRow';
import { auditDetailLines } from '../audit/audit-details-text';

export function SyncRuns({ support }: { support: boolean }) {
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
                    ·{' '}
                    {t(`status.${run.errorCode}`, {
                      bank: run.bankName,
                      defaultValue: t('diagnostics.otherError', { code: run.errorCode }),
                    })}
                  </span>
                )}
              </summary>
              <SkippedRows counts={run.counts} />
              {run.counts && (
                <p className="hint">
                  {Object.entries(run.counts)
                    .filter(([k]) => !SKIPPED_KEYS.has(k))
                    .map(([k, v]) => `${t(`diagnostics.counts.${k}`, { defaultValue: k })}: ${v}`)
                    .join(' · ')}
                </p>
              )}
              <ol className="timeline">
                {run.timeline.map((step, i) => {
                  const facts = auditDetailLines(step.details, t, lng, run.bankName)
                    .map(([label, value]) => `${label}: ${value}`)
                    .join(' · ');
                  return (
                    <li key={i}>
                      <time dateTime={step.at}>{formatTime(step.at, lng)}</time> {actionName(step.action)}
                      {facts && <span className="hint"> · {facts}</span>}
                      {support && step.summary && <span className="hint mono"> · {step.summary}</span>}
                    </li>
                  );
                })}
              </ol>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

const SKIPPED_KEYS = new Set(['skipped', 'skippedAccounts']);

/** A run that left rows out still succeeded: say so, in words, beside its outcome. */
function SkippedRows({ counts }: { counts: Record<string, number> | null }) {
  const { t } = useTranslation();
  const transactions = counts?.['skipped'] ?? 0;
  const accounts = counts?.['skippedAccounts'] ?? 0;
  if (transactions === 0 && accounts === 0) return null;
  return (
    <p className="warn-text" data-testid="skipped-rows">
      {[
        transactions > 0 ? t('diagnostics.skippedTransactions', { count: transactions }) : null,
        accounts > 0 ? t('diagnostics.skippedAccounts', { count: accounts }) : null,
      ]
        .filter((line) => line !== null)
        .join(' ')}
    </p>
  );
}
