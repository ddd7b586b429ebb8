// Exports one fatura's entries as CSV (standard or pt-BR, as the Transactions export offers) and downloads it.
import { useMutation } from '@tanstack/react-query';
import type { CsvVariant } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { downloadText } from '../../download';
import { showToast } from '../../state/ui-state';

export function useFaturaExport(csvVariant: CsvVariant) {
  const client = useClient();
  return useMutation({
    mutationFn: (ref: { accountId: string; key: string }) =>
      client.invoke('bills.export', { ...ref, csvVariant }),
    onSuccess: (file) => {
      downloadText(file);
      showToast({ level: 'info', messageKey: 'cards.exported', params: { count: String(file.rows) } });
    },
  });
}
