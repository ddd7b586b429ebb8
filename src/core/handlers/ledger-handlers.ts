// Handler of ledger.check: each account's balance against its stored transactions (ledger/ledger-check.ts).
import type { CoreContext } from '../core-context';
import { checkLedgers } from '../ledger/ledger-check';
import type { Handlers } from '../router/router';

type LedgerHandlers = Pick<Handlers, 'ledger.check'>;

export function ledgerHandlers(ctx: CoreContext): LedgerHandlers {
  return {
    'ledger.check': ({ accountIds }) => checkLedgers(ctx.db(), accountIds),
  };
}
