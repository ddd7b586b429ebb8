// The bank's health beside a link's own state, and each product's freshness from the item's statusDetail.
import type { BankHealth, ProductFreshness } from '../../shared/contract';
import type { StatusExplanation } from '../../shared/connections/status';
import { isCredentialState } from '../../shared/connections/attention';
import type { Item } from '../../shared/pluggy';
import { isBankProblem } from '../bank-health/bank-notices';
import { getConnectorStatus } from '../store';
import type { Db } from '../store/db';

export function bankHealthOf(db: Db, connectorId: number): BankHealth | null {
  const s = getConnectorStatus(db, connectorId);
  return s
    ? { status: s.status, since: s.since, checkedAt: s.checkedAt, connectionRate: s.connectionRate }
    : null;
}

/** Actions that say the link itself waits for the person: a bank's bad day does not explain those. */
const LINK_ACTIONS = new Set(['none', 'wait_retry', 'try_again']);

/**
 * While Pluggy says the bank is unwell, a link failing for reasons the person cannot fix (the bank's site
 * down, connection errors, Cofre's retries) is the bank's problem: said so, with no fix asked of the person.
 * Credential refusals, codes and approvals stay the link's: they need the person whatever the bank's state.
 */
export function withBankBlame(
  explanation: StatusExplanation,
  link: { status: string },
  health: BankHealth | null,
  retryScheduled: boolean,
): { explanation: StatusExplanation; problemAt: 'bank' | 'link' | null } {
  const linkProblem = explanation.severity === 'warning' || explanation.severity === 'error';
  const personal =
    isCredentialState({ ...link, action: explanation.action, severity: explanation.severity }) ||
    !LINK_ACTIONS.has(explanation.action);
  if (!isBankProblem(health?.status) || personal || !linkProblem)
    return { explanation, problemAt: linkProblem ? 'link' : null };
  return {
    explanation: {
      ...explanation,
      severity: 'warning',
      messageKey: health?.status === 'OFFLINE' ? 'status.BANK_OFFLINE' : 'status.BANK_UNSTABLE',
      action: retryScheduled ? 'wait_retry' : 'none',
    },
    problemAt: 'bank',
  };
}

/** Every product the last execution reported on, in the order Pluggy lists them. */
export function productFreshness(item: Item | null): ProductFreshness[] {
  const detail = item?.statusDetail;
  if (!detail) return [];
  const out: ProductFreshness[] = [];
  for (const [product, value] of Object.entries(detail)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const p = value as { isUpdated?: unknown; lastUpdatedAt?: unknown; warnings?: unknown };
    const warnings = Array.isArray(p.warnings)
      ? p.warnings.flatMap((w) =>
          w && typeof w === 'object' && typeof (w as { message?: unknown }).message === 'string'
            ? [String((w as { message: string }).message).slice(0, 300)]
            : [],
        )
      : [];
    out.push({
      product: product.slice(0, 60),
      isUpdated: typeof p.isUpdated === 'boolean' ? p.isUpdated : null,
      lastUpdatedAt: typeof p.lastUpdatedAt === 'string' ? p.lastUpdatedAt : null,
      warnings: warnings.slice(0, 20),
    });
  }
  return out.slice(0, 20);
}
