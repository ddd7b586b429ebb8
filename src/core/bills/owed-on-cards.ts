// What is owed on each card for the net worth line: its open fatura's running total plus what is left to pay
// on its last closed one (closed, not paid yet). An older fatura's remainder is carried into a later bill by
// the bank, so it is not counted again.
import type { CardView } from '../../shared/contract';

export function owedOnCards(cards: readonly CardView[]): { total: number; currencyCode: string }[] {
  return cards.map((c) => {
    const last = c.closed[0];
    const left = last && last.state !== 'paid' ? Math.max(0, last.total - last.paid) : 0;
    return { total: (c.open?.total ?? 0) + left, currencyCode: c.currencyCode };
  });
}
