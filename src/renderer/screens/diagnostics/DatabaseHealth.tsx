// The database and the Pluggy cache: sizes, schema, rows per table, cache health, and the slow integrity check.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DatabaseStats } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { ErrorState, Loading, useErrorText } from '../../components/QueryState';
import { formatBytes, formatDateTime, formatNumber } from '../../format';

export function DatabaseHealth({ support }: { support: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const stats = useQuery({
    queryKey: keys.database,
    queryFn: () => client.invoke('diagnostics.database', { integrityCheck: false }),
  });
  return (
    <section aria-labelledby="database-title">
      <h2 id="database-title">{t('database.title')}</h2>
      {stats.isPending && <Loading />}
      {stats.isError && <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.isSuccess && <DatabaseFacts stats={stats.data} support={support} />}
      <IntegrityCheck support={support} />
    </section>
  );
}

function DatabaseFacts({ stats, support }: { stats: DatabaseStats; support: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const tables = Object.entries(stats.rows);
  return (
    <div className="diag-columns">
      <dl className="facts" data-testid="database-facts">
        <dt>{t('database.fileSize')}</dt>
        <dd>{formatBytes(stats.fileBytes, lng)}</dd>
        <dt>{t('database.walSize')}</dt>
        <dd>{formatBytes(stats.walBytes, lng)}</dd>
        <dt>{t('database.schemaVersion')}</dt>
        <dd>{stats.schemaVersion}</dd>
        {support && (
          <>
            <dt>{t('database.journalMode')}</dt>
            <dd className="mono">{stats.journalMode}</dd>
          </>
        )}
        <dt>{t('database.lastVacuum')}</dt>
        <dd>{stats.lastVacuumAt ? formatDateTime(stats.lastVacuumAt, lng) : t('database.never')}</dd>
      </dl>
      <dl className="facts" data-testid="cache-health" aria-label={t('database.cache')}>
        <dt>{t('database.cacheState')}</dt>
        <dd className={stats.cache.ok ? 'ok' : 'bad'}>
          {stats.cache.ok ? t('database.cacheOk') : t('database.cacheBad')}
        </dd>
        <dt>{t('database.cacheEntries')}</dt>
        <dd>
          {stats.cache.entries === null ? t('database.notGiven') : formatNumber(stats.cache.entries, lng)}
        </dd>
        <dt>{t('database.cacheError')}</dt>
        <dd className={stats.cache.lastError ? (support ? 'mono bad' : 'bad') : undefined}>
          {stats.cache.lastError
            ? support
              ? stats.cache.lastError
              : t('diagnostics.errorInSupport')
            : t('relay.noError')}
        </dd>
      </dl>
      {/* Table names are the database's own (English): support reads them. */}
      {support && (
        <table className="table compact" data-testid="database-rows">
          <caption className="table-caption">{t('database.rowsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('database.table')}</th>
              <th scope="col" className="num">
                {t('database.rows')}
              </th>
            </tr>
          </thead>
          <tbody>
            {tables.map(([table, count]) => (
              <tr key={table}>
                <td className="mono">{table}</td>
                <td className={count < 0 ? 'num bad' : 'num'}>
                  {count < 0 ? t('database.unreadable') : formatNumber(count, lng)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function IntegrityCheck({ support }: { support: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const errorText = useErrorText();
  const check = useMutation({
    mutationFn: () => client.invoke('diagnostics.database', { integrityCheck: true }),
  });
  const problems = check.data?.integrity ?? null;
  const intact = problems !== null && problems.length === 1 && problems[0] === 'ok';
  return (
    <div className="integrity">
      <h3 id="integrity-title">{t('database.integrityTitle')}</h3>
      <p className="hint">{t('database.integrityHint')}</p>
      <button type="button" onClick={() => check.mutate()} disabled={check.isPending}>
        {t('database.integrityCheck')}
      </button>
      <div aria-live="polite" data-testid="integrity-result">
        {check.isPending && <p role="status">{t('database.integrityRunning')}</p>}
        {check.isError && (
          <p className="error-text" role="alert">
            {errorText(check.error)}
          </p>
        )}
        {check.isSuccess && intact && <p className="ok-box">{t('database.integrityOk')}</p>}
        {check.isSuccess && problems === null && (
          <p className="error-text" role="alert">
            {t('errors.internal')}
          </p>
        )}
        {check.isSuccess && problems !== null && !intact && (
          <div className="bad-box" role="alert">
            <p>{t('database.integrityBad', { count: problems.length })}</p>
            {support && (
              <ul className="mono">
                {problems.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            <p>{t('database.integrityAdvice')}</p>
          </div>
        )}
      </div>
    </div>
  );
}
