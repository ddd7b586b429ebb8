// Confirms unpairing from the relay: says what stops and that pairing again needs an admin token.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../components/QueryState';

export function UnpairDialog({ url, onClose }: { url: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const unpair = useMutation({
    mutationFn: () => client.invoke('relay.unpair', {}),
    onSuccess: (status) => {
      queryClient.setQueryData(keys.relay, status);
      for (const key of [keys.settings, keys.health, keys.audit]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
      onClose();
    },
  });
  return (
    <Dialog title={t('relay.unpairTitle')} onClose={onClose} testId="unpair-dialog">
      {url && <p className="mono">{url}</p>}
      <p>{t('relay.unpairText')}</p>
      {unpair.isError && (
        <p className="error-text" role="alert">
          {errorText(unpair.error)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" disabled={unpair.isPending} onClick={() => unpair.mutate()}>
          {t('relay.unpairConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
