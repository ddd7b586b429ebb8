// Connect a bank (or reconnect one): one component, two sources — the sandbox's Connect page in demo mode,
// Pluggy's real widget (react-pluggy-connect) with real credentials. On success the item is saved.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isCredentialState } from '../../../shared/connections/attention';
import { useClient } from '../../client/client-context';
import { DATA_KEYS } from '../../client/query-keys';
import { Dialog } from '../../components/Dialog';
import { ErrorState, Loading } from '../../components/QueryState';
import { showToast } from '../../state/ui-state';
import { DemoUsers } from './DemoUsers';
import { ConnectError, ConnectEvent, ConnectSuccess, SandboxPageMessage } from './connect-callbacks';

const PluggyConnect = lazy(() => import('react-pluggy-connect').then((m) => ({ default: m.PluggyConnect })));

export interface ConnectDialogProps {
  /** Reconnect this item (Connect in update mode) instead of adding a new bank. */
  updateItem?: string;
  /** Why Connect opens in update mode: a link to fix, or an Open Finance consent to renew (same flow). */
  purpose?: 'reconnect' | 'renew';
  onClose: () => void;
}

export function ConnectDialog({ updateItem, purpose = 'reconnect', onClose }: ConnectDialogProps) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const token = useQuery({
    queryKey: ['connectToken', updateItem ?? null],
    queryFn: () => client.invoke('connections.connectToken', updateItem ? { itemId: updateItem } : {}),
    staleTime: 0,
    gcTime: 0,
    retry: false,
    // One Connect session per dialog: a refetch (window focus) would swap the page under the person's fingers.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const save = useMutation({
    mutationFn: (input: { itemId: string; failed: boolean }) =>
      client.invoke('connections.save', { itemId: input.itemId }),
    onSuccess: (connection, input) => {
      for (const key of DATA_KEYS) void queryClient.invalidateQueries({ queryKey: key });
      showToast({
        level: input.failed ? 'warning' : 'info',
        // A refused login is the person's to fix; a bank that did not answer did not refuse anything.
        messageKey: !input.failed
          ? 'connect.saved'
          : isCredentialState(connection)
            ? 'connect.savedWithError'
            : 'connect.savedFailed',
        params: { bank: connection.connector.name },
      });
      onClose();
    },
  });
  const saveRef = useRef(save.mutate);
  useEffect(() => {
    saveRef.current = save.mutate;
  }, [save.mutate]);

  // The item Connect is working on while the person retypes a refused password in the same window.
  const pendingItem = useRef<string | null>(null);
  const onSuccess = (data: unknown) => {
    const parsed = ConnectSuccess.safeParse(data);
    if (parsed.success) {
      pendingItem.current = null;
      saveRef.current({ itemId: parsed.data.item.id, failed: false });
    }
  };
  // A failed login still created an item: saving it puts a card on screen that says what to do.
  const onError = (data: unknown) => {
    const item = ConnectError.safeParse(data).data?.data?.item;
    if (item) {
      pendingItem.current = null;
      saveRef.current({ itemId: item.id, failed: true });
    }
  };
  const onEvent = (data: unknown) => {
    const item = ConnectEvent.safeParse(data).data?.item;
    if (item && !updateItem) pendingItem.current = item.id;
  };
  // Closed while retyping a refused password: the item exists at Pluggy, so it gets a card (Reconectar).
  const close = () => {
    if (pendingItem.current) {
      const itemId = pendingItem.current;
      pendingItem.current = null;
      saveRef.current({ itemId, failed: true });
    } else onClose();
  };

  const onSuccessRef = useRef(onSuccess);
  const onErrorRef = useRef(onError);
  const onEventRef = useRef(onEvent);
  const onCloseRef = useRef(close);
  useEffect(() => {
    onSuccessRef.current = onSuccess;
    onErrorRef.current = onError;
    onEventRef.current = onEvent;
    onCloseRef.current = close;
  });

  const frame = token.data?.kind === 'frame' ? token.data : null;
  const widget = token.data?.kind === 'widget' ? token.data : null;
  const origin = frame?.origin ?? null;
  useEffect(() => {
    if (!origin) return undefined;
    const listener = (event: MessageEvent) => {
      if (event.origin !== origin) return;
      const message = SandboxPageMessage.safeParse(event.data);
      if (!message.success) return;
      const { callback, payload } = message.data;
      if (callback === 'onSuccess') onSuccessRef.current(payload);
      else if (callback === 'onError') onErrorRef.current(payload);
      else if (callback === 'onEvent') onEventRef.current(payload);
      else if (callback === 'onClose') onCloseRef.current();
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [origin]);
  const title = !updateItem
    ? t('connect.title')
    : purpose === 'renew'
      ? t('consents.renewTitle')
      : t('connect.reconnectTitle');
  return (
    <Dialog title={title} onClose={close} wide testId="connect-dialog">
      {token.isPending && <Loading />}
      {token.isError && <ErrorState error={token.error} onRetry={() => void token.refetch()} />}
      {save.isPending && <Loading />}
      {save.isError && <ErrorState error={save.error} />}
      {frame?.includeSandbox && !updateItem && <DemoUsers />}
      {frame && (
        // The frame URL is one-time and carries no token: the host redirects it to the Connect page.
        <iframe className="connect-frame" title={t('connect.frameTitle')} src={frame.frameUrl} />
      )}
      {widget && (
        <Suspense fallback={<Loading />}>
          <p className="hint">{t('connect.widgetHint')}</p>
          <PluggyConnect
            connectToken={widget.accessToken}
            includeSandbox={widget.includeSandbox}
            {...(updateItem ? { updateItem } : {})}
            onSuccess={(data: unknown) => onSuccess(data)}
            onError={(error: unknown) => onError(error)}
            onEvent={(payload: unknown) => onEvent(payload)}
            onClose={close}
          />
        </Suspense>
      )}
    </Dialog>
  );
}
