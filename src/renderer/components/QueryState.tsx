// Loading and error states every screen shares: a sentence and a way out, never a blank area or a raw code.
import { useTranslation } from 'react-i18next';
import { isAppError } from '../../shared/errors';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="state state-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const key = isAppError(error) ? error.messageKey : 'errors.internal';
  return (
    <div className="state state-error" role="alert">
      <strong>{t('errors.title')}</strong>
      <p>{t(key, { defaultValue: t('errors.internal') })}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
