// A row's mark in the list: money moved between the person's own accounts, or a card-bill payment.
import { useTranslation } from 'react-i18next';
import type { TransactionView } from '../../../shared/contract';
import { moveText } from './move-text';

export function MoveBadge({ tx }: { tx: TransactionView }) {
  const { t, i18n } = useTranslation();
  if (!tx.move) return null;
  const title = moveText(tx, tx.move, t, i18n.language, true);
  return (
    <span className="badge badge-info" title={title} aria-label={title} data-testid="move-badge">
      {t(`transfers.badge.${tx.move.kind}`)}
    </span>
  );
}
