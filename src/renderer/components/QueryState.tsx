// Loading, empty and error states every screen shares: a sentence and a way out, never a blank area or a raw code.
import type { ReactNode } from 'react';
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

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

/** The sentence for an error: its own message key when we have one, a generic one otherwise. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    const key = isAppError(error) ? error.messageKey : 'errors.internal';
    return t(key, { defaultValue: t('errors.internal') });
  };
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="state state-error" role="alert">
      <strong>{t('errors.title')}</strong>
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
