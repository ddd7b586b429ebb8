// The live progress of one link's sync: phase, account and rows, from `sync.progress` events.
import { useTranslation } from 'react-i18next';
import type { SyncProgress } from '../../../shared/contract';
import { formatNumber } from '../../format';

export function SyncProgressBar({ progress, bank }: { progress: SyncProgress; bank: string }) {
  const { t, i18n } = useTranslation();
  const finished = progress.phase === 'done' || progress.phase === 'failed';
  const fraction = finished
    ? 1
    : progress.accountsTotal > 0
      ? (progress.accountsDone + (progress.phase === 'transactions' ? 0.5 : 0)) / progress.accountsTotal
      : null;
  const label = t(`progress.phases.${progress.phase}`);
  return (
    <div className="progress" data-testid="sync-progress" data-phase={progress.phase}>
      <div
        role="progressbar"
        aria-label={t('progress.label', { bank })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        aria-valuetext={label}
        className={fraction === null ? 'progress-track indeterminate' : 'progress-track'}
      >
        <div
          className={`progress-fill ${progress.phase === 'failed' ? 'progress-failed' : ''}`}
          style={{ width: `${Math.round((fraction ?? 0.3) * 100)}%` }}
        />
      </div>
      <p className="progress-text" aria-live="polite">
        <span>{label}</span>
        {progress.accountName && <span> · {progress.accountName}</span>}
        {progress.accountsTotal > 0 && (
          <span>
            {' · '}
            {t('progress.accounts', { done: progress.accountsDone, total: progress.accountsTotal })}
          </span>
        )}
        {progress.rows > 0 && (
          <span>
            {' · '}
            {t('progress.rows', {
              count: progress.rows,
              formatted: formatNumber(progress.rows, i18n.language),
            })}
          </span>
        )}
      </p>
    </div>
  );
}
