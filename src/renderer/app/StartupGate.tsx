// Before the app: while the core starts (and converts or migrates the DB) the page shows where it is,
// "Atualizando seus dados: 45%", from the host's `app.startup`; then the app itself.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStartup } from '../../shared/contract';
import { useClient } from '../client/client-context';
import { ErrorState } from '../components/QueryState';

const POLL_MS = 250;

type Seen = { status: AppStartup } | { callFailed: unknown };

export function StartupGate({ children }: { children: ReactNode }) {
  const client = useClient();
  // Nothing until the host first answers (milliseconds on a normal start): no flash of a status screen.
  const [seen, setSeen] = useState<Seen | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (): Promise<void> => {
      try {
        const status = await client.invoke('app.startup', {});
        if (stopped) return;
        setSeen({ status });
        if (status.state === 'starting' || status.state === 'upgrading') timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        if (!stopped) setSeen({ callFailed: error });
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, attempt]);

  if (seen === null) return null;
  if ('callFailed' in seen) {
    return (
      <main className="startup">
        <ErrorState error={seen.callFailed} onRetry={() => setAttempt((n) => n + 1)} />
      </main>
    );
  }
  const { status } = seen;
  if (status.state === 'ready') return children;
  return (
    <main className="startup" data-testid="startup" data-state={status.state}>
      <StartupStatus status={status} />
    </main>
  );
}

function StartupStatus({ status }: { status: AppStartup }) {
  const { t } = useTranslation();
  if (status.state === 'failed') {
    return (
      <div className="startup-card">
        <h1>{t('startup.failed')}</h1>
        <ErrorState error={status.error} />
      </div>
    );
  }
  const percent = status.state === 'upgrading' ? (status.percent ?? 0) : null;
  return (
    <div className="startup-card">
      <h1 aria-live="polite">
        {percent === null ? t('startup.opening') : t('startup.upgrading', { percent })}
      </h1>
      <div
        role="progressbar"
        aria-label={t('startup.opening')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className={percent === null ? 'progress-track indeterminate' : 'progress-track'}
      >
        <div className="progress-fill" style={{ width: `${percent ?? 30}%` }} />
      </div>
      {status.task && <p className="progress-text">{t(`startup.${status.task}`)}</p>}
    </div>
  );
}
