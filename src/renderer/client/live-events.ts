// Push events → UI: sync progress feeds the progress store, changes invalidate the queries they touch.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { clearFinishedProgress, recordProgress, showToast } from '../state/ui-state';
import { useClient } from './client-context';
import { DATA_KEYS, keys } from './query-keys';

const FINISHED_PROGRESS_MS = 4_000;

function invalidateData(queryClient: QueryClient): void {
  for (const key of DATA_KEYS) void queryClient.invalidateQueries({ queryKey: key });
}

export function useLiveEvents(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    const offs = [
      client.on('sync.progress', (progress) => {
        recordProgress(progress);
        if (progress.phase === 'done' || progress.phase === 'failed') {
          invalidateData(queryClient);
          setTimeout(() => clearFinishedProgress(progress), FINISHED_PROGRESS_MS);
        } else if (progress.phase === 'refreshing' || progress.phase === 'accounts') {
          void queryClient.invalidateQueries({ queryKey: keys.connections });
        }
      }),
      client.on('connections.changed', () => invalidateData(queryClient)),
      client.on('health.changed', () => void queryClient.invalidateQueries({ queryKey: keys.health })),
      client.on('relay.changed', (status) => {
        queryClient.setQueryData(keys.relay, status);
        void queryClient.invalidateQueries({ queryKey: keys.settings });
        void queryClient.invalidateQueries({ queryKey: keys.health });
      }),
      client.on('notices.new', (notice) => {
        void queryClient.invalidateQueries({ queryKey: keys.notices });
        showToast({
          level: notice.level,
          kind: notice.kind,
          connectionId: notice.connectionId,
          messageKey: notice.messageKey,
          params: notice.params,
        });
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [client, queryClient]);
}
