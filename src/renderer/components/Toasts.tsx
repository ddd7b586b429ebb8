// Toasts for new notices and finished actions: announced politely, closable, gone after a few seconds.
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { dismissToast, toastStore } from '../state/ui-state';
import { useConnectionNames, withConnectionName } from '../client/connection-names';
import { noticeParams } from './notice-extras';

export function Toasts() {
  const { t, i18n } = useTranslation();
  const toasts = useStore(toastStore);
  const connectionName = useConnectionNames();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.level}`} data-testid="toast">
          <span>
            {t(toast.messageKey, {
              ...withConnectionName(
                noticeParams(toast, t, i18n.language),
                connectionName(toast.connectionId),
              ),
              defaultValue: t('notices.generic'),
            })}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label={t('common.close')}
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
