// Accounts: balances per account (card limit and bill due date too, a gap the ledger check found), totals,
// balance history and spending.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/contract';
import { navigate } from '../../app/routes';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { formatDate, formatMoney } from '../../format';
import { LoansSection } from '../investments/LoansSection';
import { NetWorthLine } from '../investments/NetWorthLine';
import { LedgerGapNote } from '../ledger/LedgerGapNote';
import { useLedgerChecks } from '../ledger/use-ledger-checks';
import { DuplicateNote } from '../transfers/DuplicateNote';

// The chart library is big: it loads only when this screen opens, so the other screens start fast.
const BalanceChart = lazy(() => import('./BalanceChart').then((m) => ({ default: m.BalanceChart })));
const SpendingChart = lazy(() => import('./SpendingChart').then((m) => ({ default: m.SpendingChart })));

const isCard = (a: AccountView) => a.type === 'CREDIT';
/** An account listed under two links counts once: the copy not counted is left out of the totals. */
const counts = (a: AccountView) => a.duplicate === null || a.duplicate.counted;

interface AccountGroup {
  connectionId: string;
  name: string;
  owner: string | null;
  accounts: AccountView[];
}

/** Accounts under the link they came from, links in the order the list gives them. */
function groupByConnection(accounts: AccountView[]): AccountGroup[] {
  const groups = new Map<string, AccountGroup>();
  for (const a of accounts) {
    const group = groups.get(a.connectionId) ?? {
      connectionId: a.connectionId,
      name: a.connectionName,
      owner: null,
      accounts: [],
    };
    group.owner ??= a.ownerFirstName;
    group.accounts.push(a);
    groups.set(a.connectionId, group);
  }
  return [...groups.values()];
}

export function AccountsScreen() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useClient();
  const accounts = useQuery({ queryKey: keys.accounts, queryFn: () => client.invoke('accounts.list', {}) });
  const ledger = useLedgerChecks();
  const checkOf = (id: string) => ledger.data?.find((c) => c.accountId === id);
  const list = (accounts.data ?? []).filter((a) => !a.removedAt);
  const currency = list[0]?.currencyCode ?? 'BRL';
  const same = list.filter((a) => a.currencyCode === currency && counts(a));
  const copiesLeftOut = list.filter((a) => !counts(a)).length;
  const inAccounts = same.filter((a) => !isCard(a)).reduce((s, a) => s + a.balance, 0);
  // Centavos in Cofre's convention: a card's debt is already negative, so the total is a plain sum.
  const onCards = same.filter(isCard).reduce((s, a) => s + a.balance, 0);
  const money = (v: number, c = currency) => formatMoney(v, c, lng);
  // The net worth line takes away what the cards' bills say is owed; when that is not the banks' card
  // balances, the totals say why rather than show two figures for one debt without a word.
  const netWorth = useQuery({
    queryKey: [...keys.investments, 'netWorth'],
    queryFn: () => client.invoke('investments.netWorth', {}),
  });
  const owedByBills = netWorth.data?.openBills ?? null;
  const billsDiffer = currency === 'BRL' && owedByBills !== null && owedByBills !== onCards;

  return (
    <section aria-labelledby="accounts-title" className="screen">
      <header className="screen-header">
        <h1 id="accounts-title">{t('accounts.title')}</h1>
      </header>
      {accounts.isPending && <Loading />}
      {accounts.isError && <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.isSuccess && list.length === 0 && (
        <Empty title={t('accounts.emptyTitle')}>
          <p>{t('accounts.emptyText')}</p>
          <button type="button" className="primary" onClick={() => navigate('connections')}>
            {t('connections.connect')}
          </button>
        </Empty>
      )}
      {list.length > 0 && (
        <>
          <dl className="totals" data-testid="account-totals">
            <div>
              <dt>{t('accounts.inAccounts')}</dt>
              <dd>{money(inAccounts)}</dd>
            </div>
            <div>
              <dt>{t('accounts.onCards')}</dt>
              <dd className="bad">{money(onCards)}</dd>
            </div>
            <div>
              <dt>{t('accounts.total')}</dt>
              <dd data-testid="accounts-total">{money(inAccounts + onCards)}</dd>
            </div>
          </dl>
          {billsDiffer && (
            <p className="hint" data-testid="cards-vs-bills">
              {t('accounts.cardsVsBills', { balance: money(onCards), bills: money(owedByBills ?? 0) })}
            </p>
          )}
          {copiesLeftOut > 0 && (
            <p className="hint" data-testid="duplicates-left-out">
              {t('transfers.duplicate.totalsNote', { count: copiesLeftOut })}
            </p>
          )}
          {groupByConnection(list).map((group) => (
            <section
              key={group.connectionId}
              className="account-group"
              aria-labelledby={`accounts-of-${group.connectionId}`}
              data-testid="account-group"
            >
              <h2 id={`accounts-of-${group.connectionId}`} className="account-group-title">
                {group.name}
                {group.owner && <span className="hint"> · {group.owner}</span>}
              </h2>
              <ul className="cards account-cards" aria-label={t('accounts.listOf', { bank: group.name })}>
                {group.accounts.map((a) => (
                  <li
                    key={a.id}
                    className={`card account-card ${counts(a) ? '' : 'account-not-counted'}`}
                    data-testid="account-card"
                  >
                    <span className="hint">
                      {a.bankName} ·{' '}
                      {t(`accounts.types.${a.subtype ?? a.type}`, {
                        // A type Pluggy added after this version: said in words, with Pluggy's name for it.
                        defaultValue: t('accounts.types.unknown', { code: a.subtype ?? a.type }),
                      })}
                    </span>
                    <strong className="account-name">{a.marketingName ?? a.name}</strong>
                    {a.numberMasked && <span className="hint mono">{a.numberMasked}</span>}
                    <span className={`account-balance ${isCard(a) ? 'bad' : ''}`}>
                      {money(a.balance, a.currencyCode)}
                    </span>
                    {isCard(a) && (
                      <dl className="mini-facts">
                        {a.creditLimit !== null && (
                          <>
                            <dt>{t('accounts.limit')}</dt>
                            <dd>{money(a.creditLimit, a.currencyCode)}</dd>
                          </>
                        )}
                        {a.availableCreditLimit !== null && (
                          <>
                            <dt>{t('accounts.available')}</dt>
                            <dd>{money(a.availableCreditLimit, a.currencyCode)}</dd>
                          </>
                        )}
                        {a.balanceCloseDate && (
                          <>
                            <dt>{t('accounts.closes')}</dt>
                            <dd>{formatDate(a.balanceCloseDate, lng)}</dd>
                          </>
                        )}
                        {a.balanceDueDate && (
                          <>
                            <dt>{t('accounts.due')}</dt>
                            <dd>{formatDate(a.balanceDueDate, lng)}</dd>
                          </>
                        )}
                      </dl>
                    )}
                    <LedgerGapNote check={checkOf(a.id)} currency={a.currencyCode} />
                    <DuplicateNote account={a} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <LoansSection />
          <NetWorthLine />
          <Suspense fallback={<Loading />}>
            <BalanceChart accounts={list} />
            <SpendingChart currency={currency} />
          </Suspense>
        </>
      )}
    </section>
  );
}
