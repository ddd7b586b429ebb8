// On an account card: the gap the ledger check found (how much, when, the syncs of that period), else nothing.
import { useTranslation } from 'react-i18next';
import type { LedgerCheckView } from '../../../shared/contract';
import { gapReason, gapRuns, gapSentence } from './gap-text';

export function LedgerGapNote({ check, currency }: { check: LedgerCheckView | undefined; currency: string }) {
  const { t, i18n } = useTranslation();
  if (check?.status !== 'gap' || !check.gap) return null;
  const gap = check.gap;
  return (
    <div className="ledger-gap" role="status" data-testid="ledger-gap">
      <strong>{gapSentence(gap, currency, t, i18n.language)}</strong>
      <span>{gapReason(gap, t)}</span>
      <span className="hint">{gapRuns(gap, t, i18n.language)}</span>
    </div>
  );
}
