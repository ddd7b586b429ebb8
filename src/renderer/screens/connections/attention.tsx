// The links that wait for the person: counted once, for the Connections banner and the Diagnostics summary.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { needsAttention } from '../../../shared/connections/attention';
import type { Connection } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';

/** Links needing the person first (in their original order), then the rest. */
export function attentionFirst(list: readonly Connection[]): Connection[] {
  return [...list.filter((c) => needsAttention(c)), ...list.filter((c) => !needsAttention(c))];
}

export function useAttentionCount(): number {
  const client = useClient();
  const connections = useQuery({
    queryKey: keys.connections,
    queryFn: () => client.invoke('connections.list', {}),
  });
  return (connections.data ?? []).filter((c) => !c.archived && needsAttention(c)).length;
}

export function AttentionBanner({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <p className="attention-banner" role="status" data-testid="attention-banner">
      {t('connections.attention', { count })}
    </p>
  );
}
