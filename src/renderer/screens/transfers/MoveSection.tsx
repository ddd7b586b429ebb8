// The detail panel's word on a found move: the other side (account, link, date) or the fatura, and the
// person's "this is not it", which no later sync undoes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TransactionView } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { useErrorText } from '../../components/QueryState';
import { moveText } from './move-text';

export function MoveSection({ tx, onUndone }: { tx: TransactionView; onUndone: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const undo = useMutation({
    mutationFn: () => client.invoke('transfers.undo', { id: tx.id }),
    onSuccess: (result) => {
      onUndone(t(`transfers.undone.${result.kind}`));
      void queryClient.invalidateQueries({ queryKey: keys.transactions });
      void queryClient.invalidateQueries({ queryKey: keys.charts });
    },
  });
  const move = tx.move;
  if (!move) return null;
  return (
    <section aria-labelledby="tx-move" className="tx-move" data-testid="detail-move">
      <h3 id="tx-move">{t('transfers.section')}</h3>
      <p data-testid="detail-move-text">{moveText(tx, move, t, i18n.language)}</p>
      <p className="hint">{t(`transfers.leftOut.${move.kind}`)}</p>
      <button
        type="button"
        data-testid="detail-move-undo"
        disabled={undo.isPending}
        onClick={() => undo.mutate()}
      >
        {t(`transfers.undo.${move.kind}`)}
      </button>
      {undo.isError && (
        <p className="error-text" role="alert">
          {errorText(undo.error)}
        </p>
      )}
    </section>
  );
}
