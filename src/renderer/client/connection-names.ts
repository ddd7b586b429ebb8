// The links' names as Cofre shows them (nickname, else bank), for screens that hold only a connection id.
import { useQuery } from '@tanstack/react-query';
import { useClient } from './client-context';
import { keys } from './query-keys';

/** `name(id)`: the link's current name, or undefined while the list loads or for an unknown id. */
export function useConnectionNames(): (id: string | null | undefined) => string | undefined {
  const client = useClient();
  const connections = useQuery({
    queryKey: keys.connections,
    queryFn: () => client.invoke('connections.list', {}),
  });
  return (id) => (id ? connections.data?.find((c) => c.itemId === id)?.name : undefined);
}

/** A notice's values with `bank` as the link is named now (a rename after the notice was raised included). */
export function withConnectionName(
  params: Record<string, string>,
  name: string | undefined,
): Record<string, string> {
  return name && 'bank' in params ? { ...params, bank: name } : params;
}
