// Connections (home): one card per bank link, "Connect a bank", "Sync all", and the dialogs they open (the
// consent centre and its renewal among them).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading, useErrorText } from '../../components/QueryState';
import { useNow } from '../../hooks/use-now';
import { progressStore } from '../../state/ui-state';
import { useStore } from '../../state/store';
import { ConsentDialog } from '../consents/ConsentDialog';
import { ConnectDialog } from './ConnectDialog';
import { ConnectionCard, type CardRequest } from './ConnectionCard';
import { DisconnectDialog } from './DisconnectDialog';
import { MfaDialog } from './MfaDialog';
import { AttentionBanner, attentionFirst } from './attention';
import { needsAttention } from '../../../shared/connections/attention';
import { showSyncAllToast } from './sync-all-toast';

type Open = { kind: CardRequest; itemId?: string } | null;
/** While the bank works (after an MFA answer too) the card follows within a second. */
const POLL_WHILE_BUSY_MS = 1_000;

export function ConnectionsScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const now = useNow();
  const progress = useStore(progressStore);
  const [open, setOpen] = useState<Open>(null);
  const connections = useQuery({
    queryKey: keys.connections,
    queryFn: () => client.invoke('connections.list', {}),
    // While a link is busy (syncing, waiting for the bank) its state changes without an event of ours.
    refetchInterval: (query) =>
      query.state.data?.some((c) => c.syncing || c.status === 'UPDATING') ? POLL_WHILE_BUSY_MS : false,
  });
  const consents = useQuery({
    queryKey: keys.consents,
    queryFn: () => client.invoke('consents.list', {}),
  });
  const syncAll = useMutation({
    mutationFn: () => client.invoke('connections.syncAll', {}),
    onSuccess: (result) => showSyncAllToast(result),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.connections }),
  });

  const list = attentionFirst((connections.data ?? []).filter((c) => !c.archived));
  const find = (itemId: string | undefined): Connection | undefined => list.find((c) => c.itemId === itemId);
  const request = (kind: CardRequest, c: Connection) =>
    setOpen({ kind, itemId: kind === 'connect' ? undefined : c.itemId });
  const selected = find(open?.itemId);
  // Undefined while the consents load (the card waits), null for a link with none known yet.
  const consentOf = (itemId: string | undefined) =>
    consents.data ? (consents.data.find((v) => v.itemId === itemId) ?? null) : undefined;
  const selectedConsent = consentOf(open?.itemId);

  return (
    <section aria-labelledby="connections-title" className="screen">
      <header className="screen-header">
        <h1 id="connections-title">{t('connections.title')}</h1>
        <div className="header-actions">
          <button
            type="button"
            onClick={() => syncAll.mutate()}
            disabled={syncAll.isPending || list.length === 0}
            title={t('shortcuts.keys.s')}
          >
            {t('connections.syncAll')}
          </button>
          <button type="button" className="primary" onClick={() => setOpen({ kind: 'connect' })}>
            {t('connections.connect')}
          </button>
        </div>
      </header>
      <p className="intro">{t('connections.intro')}</p>
      <AttentionBanner count={list.filter((c) => needsAttention(c)).length} />
      {syncAll.isError && (
        <p className="error-text" role="alert">
          {errorText(syncAll.error)}
        </p>
      )}
      {connections.isPending && <Loading />}
      {connections.isError && (
        <ErrorState error={connections.error} onRetry={() => void connections.refetch()} />
      )}
      {connections.isSuccess && list.length === 0 && (
        <Empty title={t('connections.emptyTitle')}>
          <p>{t('connections.emptyText')}</p>
          <button type="button" className="primary" onClick={() => setOpen({ kind: 'connect' })}>
            {t('connections.connect')}
          </button>
        </Empty>
      )}
      <div className="cards">
        {list.map((c) => (
          <ConnectionCard
            key={c.itemId}
            connection={c}
            progress={progress.get(c.itemId)}
            consent={consentOf(c.itemId)}
            now={now}
            onRequest={request}
          />
        ))}
      </div>
      {open?.kind === 'connect' && <ConnectDialog onClose={() => setOpen(null)} />}
      {(open?.kind === 'reconnect' || open?.kind === 'renew') && open.itemId && (
        <ConnectDialog updateItem={open.itemId} purpose={open.kind} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'consent' && selected && selectedConsent && (
        <ConsentDialog
          connection={selected}
          consent={selectedConsent}
          onRenew={() => setOpen({ kind: 'renew', itemId: selected.itemId })}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'mfa' && selected && <MfaDialog connection={selected} onClose={() => setOpen(null)} />}
      {open?.kind === 'disconnect' && selected && (
        <DisconnectDialog connection={selected} onClose={() => setOpen(null)} />
      )}
    </section>
  );
}
