// Investments and loans of an item as the sandbox answers them: only once synced, only if its bank covers them.
import type { Investment, InvestmentTransaction, Loan } from '../../shared/pluggy';
import type { SandboxContext } from '../context';
import type { ItemRecord } from '../items/item-record';
import { findConnector } from './connectors';
import { generateInvestments, type GeneratedInvestment } from './investments';
import { generateLoans } from './loans';

export type CoveredProduct = 'INVESTMENTS' | 'LOANS';

/** The bank offers the product and the item collects it (an item created without `products` collects all). */
export function itemCovers(record: ItemRecord, product: CoveredProduct): boolean {
  const offered = findConnector(record.item.connectorId)?.products ?? [];
  const collected = record.item.products ?? offered;
  return offered.includes(product) && collected.includes(product);
}

/** When the item's data was first collected; undefined before its first successful execution. */
function anchorOf(ctx: SandboxContext, record: ItemRecord): number | undefined {
  return ctx.store.ledgersOf(record.item.id)[0]?.record.anchorMs;
}

export function investmentsOf(ctx: SandboxContext, record: ItemRecord): GeneratedInvestment[] {
  const anchor = anchorOf(ctx, record);
  if (anchor === undefined || !itemCovers(record, 'INVESTMENTS')) return [];
  return generateInvestments(ctx.seed, record.item.id, anchor, record.generation);
}

export function loansOf(ctx: SandboxContext, record: ItemRecord): Loan[] {
  const anchor = anchorOf(ctx, record);
  if (anchor === undefined || !itemCovers(record, 'LOANS')) return [];
  return generateLoans(ctx.seed, record.item.id, anchor, record.generation);
}

export function findInvestment(
  ctx: SandboxContext,
  id: string,
): { investment: Investment; transactions: InvestmentTransaction[] } | undefined {
  for (const record of ctx.store.items.values()) {
    const found = investmentsOf(ctx, record).find((g) => g.investment.id === id);
    if (found) return found;
  }
  return undefined;
}

export function findLoan(ctx: SandboxContext, id: string): Loan | undefined {
  for (const record of ctx.store.items.values()) {
    const found = loansOf(ctx, record).find((l) => l.id === id);
    if (found) return found;
  }
  return undefined;
}
