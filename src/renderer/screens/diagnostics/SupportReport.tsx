// A copyable, redacted report for support: versions, link states and runs, without data or secrets.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Health } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { buildSupportReport } from './support-report';

export function SupportReport({ health, support }: { health: Health | undefined; support: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const connections = useQuery({
    queryKey: keys.connections,
    queryFn: () => client.invoke('connections.list', {}),
  });
  const runs = useQuery({
    queryKey: [...keys.syncRuns, 20],
    queryFn: () => client.invoke('sync.runs', { limit: 20 }),
  });
  const [now] = useState(() => new Date());
  const report = buildSupportReport({ health, connections: connections.data, runs: runs.data, now });
  const copy = () => {
    navigator.clipboard.writeText(report).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('diagnostics.report')}</h2>
      <p className="hint">{t('diagnostics.reportIntro')}</p>
      {support ? (
        <textarea
          className="report mono"
          readOnly
          value={report}
          aria-label={t('diagnostics.report')}
          rows={10}
          data-testid="support-report"
        />
      ) : (
        <p className="hint">{t('diagnostics.reportHidden')}</p>
      )}
      <div className="header-actions">
        <button type="button" onClick={copy}>
          {t('diagnostics.copyReport')}
        </button>
        {copied && (
          <span role="status" className="hint">
            {copied === 'yes' ? t('diagnostics.copied') : t('diagnostics.copyFailed')}
          </span>
        )}
      </div>
    </section>
  );
}
