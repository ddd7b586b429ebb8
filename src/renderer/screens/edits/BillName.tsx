// A card transaction's fatura in words ("vence em 10/11/2026"), never the bank's bill id.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { formatDate, formatMonth } from '../../format';

export function BillName({ billId }: { billId: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  // The Cartões screen's query: one cache, refreshed by a sync like the rest.
  const cards = useQuery({ queryKey: keys.bills, queryFn: () => client.invoke('bills.cards', {}) });
  const fatura = cards.data?.cards.flatMap((c) => c.closed).find((f) => f.billId === billId);
  if (!fatura) return <>{cards.isPending ? t('common.loading') : t('edits.billClosed')}</>;
  return (
    <>
      {fatura.dueDate
        ? t('edits.billDue', { date: formatDate(fatura.dueDate, i18n.language) })
        : t('edits.billOf', { month: formatMonth(fatura.month, i18n.language) })}
    </>
  );
}
