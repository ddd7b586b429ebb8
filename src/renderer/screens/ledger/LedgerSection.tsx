// Diagnostics → "Conferência dos saldos": each account's gap in plain words, or a calm "saldos conferem".
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LedgerCheckView } from '../../../shared/contract';
import { accountLabel } from '../../account-label';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { ErrorState, Loading } from '../../components/QueryState';
import { gapReason, gapRuns, gapSentence } from './gap-text';
import { useLedgerChecks } from './use-ledger-checks';

/** `support`: the screen's "Mostrar detalhes para suporte" is on; the raw checks (ids, runs) show then. */
export function LedgerSection({ support }: { support: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useClient();
  const accounts = useQuery({ queryKey: keys.accounts, queryFn: () => client.invoke('accounts.list', {}) });
  const checks = useLedgerChecks();
  const byId = new Map((accounts.data ?? []).map((a) => [a.id, a]));
  const list = (checks.data ?? []).filter((c) => byId.has(c.accountId));
  const gaps = list.filter((c): c is LedgerCheckView & { gap: NonNullable<LedgerCheckView['gap']> } =>
    Boolean(c.status === 'gap' && c.gap),
  );
  const ok = list.filter((c) => c.status === 'ok').length;
  const unchecked = list.filter((c) => c.status === 'unchecked').length;

  return (
    <section aria-labelledby="ledger-title" data-testid="ledger-check">
      <h2 id="ledger-title">{t('ledger.title')}</h2>
      <p className="hint">{t('ledger.intro')}</p>
      {(checks.isPending || accounts.isPending) && <Loading />}
      {accounts.isError && <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {checks.isError && <ErrorState error={checks.error} onRetry={() => void checks.refetch()} />}
      {checks.isSuccess && accounts.isSuccess && list.length === 0 && <p>{t('ledger.noAccounts')}</p>}
      {gaps.length > 0 && (
        <ul className="ledger-gaps">
          {gaps.map((c) => {
            const account = byId.get(c.accountId)!;
            return (
              <li key={c.accountId} className="ledger-gap" data-testid="ledger-gap">
                <span className="hint">{accountLabel(account)}</span>
                <strong>{gapSentence(c.gap, account.currencyCode, t, lng)}</strong>
                <span>
                  {gapReason(c.gap, t)} {t('ledger.whatToDo')}
                </span>
                <span className="hint">{gapRuns(c.gap, t, lng)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {ok > 0 && (
        <p className="ok" data-testid="ledger-ok">
          {gaps.length === 0 ? t('ledger.allOk', { count: ok }) : t('ledger.othersOk', { count: ok })}
        </p>
      )}
      {unchecked > 0 && <p className="hint">{t('ledger.unchecked', { count: unchecked })}</p>}
      {support && list.length > 0 && (
        <pre className="mono hint" data-testid="ledger-raw">
          {JSON.stringify(list, null, 2)}
        </pre>
      )}
    </section>
  );
}
