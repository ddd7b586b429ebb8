// The ledger check of every account (ledger.check), refreshed with the accounts after each sync.
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';

export function useLedgerChecks() {
  const client = useClient();
  // Under the accounts key: whatever refreshes the accounts (a finished sync) checks them again.
  return useQuery({
    queryKey: [...keys.accounts, 'ledger'],
    queryFn: () => client.invoke('ledger.check', {}),
  });
}
