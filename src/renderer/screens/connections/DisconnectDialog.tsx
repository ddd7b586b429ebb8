// Disconnect a bank link: says exactly what is deleted, and lets the user keep the history already stored.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { DATA_KEYS } from '../../client/query-keys';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../components/QueryState';

export function DisconnectDialog({ connection, onClose }: { connection: Connection; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [keepData, setKeepData] = useState(false);
  const bank = connection.connector.name;
  const disconnect = useMutation({
    mutationFn: () => client.invoke('connections.disconnect', { itemId: connection.itemId, keepData }),
    onSuccess: () => {
      for (const key of DATA_KEYS) void queryClient.invalidateQueries({ queryKey: key });
      onClose();
    },
  });
  return (
    <Dialog title={t('disconnect.title', { bank })} onClose={onClose} testId="disconnect-dialog">
      <p>{t('disconnect.atPluggy', { bank })}</p>
      <p>
        {keepData
          ? t('disconnect.keepsData', { count: connection.accountCount })
          : t('disconnect.deletesData', { count: connection.accountCount })}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={keepData} onChange={(e) => setKeepData(e.target.checked)} />
        {t('disconnect.keepData')}
      </label>
      {disconnect.isError && (
        <p className="error-text" role="alert">
          {errorText(disconnect.error)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={disconnect.isPending}
          onClick={() => disconnect.mutate()}
        >
          {t('disconnect.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
