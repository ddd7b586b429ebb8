// Cartões: every credit card's faturas (open, closed with their state), their entries and charges, and the
// parcelas already committed for the coming months, per card and in total; a bank without a card says so.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, CsvVariant } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { AheadMonths } from './AheadMonths';
import { CardPanel } from './CardPanel';

/** The links with accounts but no credit card among them, by the name Cofre shows for each. */
function linksWithoutCards(accounts: AccountView[]): string[] {
  const links = new Map<string, { name: string; card: boolean }>();
  for (const a of accounts) {
    if (a.removedAt) continue;
    const link = links.get(a.connectionId) ?? { name: a.connectionName, card: false };
    link.card ||= a.type === 'CREDIT';
    links.set(a.connectionId, link);
  }
  return [...links.values()].filter((l) => !l.card).map((l) => l.name);
}

export function CardsScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const [csvVariant, setCsvVariant] = useState<CsvVariant>('standard');
  const q = useQuery({ queryKey: keys.bills, queryFn: () => client.invoke('bills.cards', {}) });
  const accounts = useQuery({ queryKey: keys.accounts, queryFn: () => client.invoke('accounts.list', {}) });
  const linkName = new Map((accounts.data ?? []).map((a) => [a.connectionId, a.connectionName]));
  const cards = q.data?.cards ?? [];
  const withoutCards = linksWithoutCards(accounts.data ?? []);
  const currency = cards[0]?.currencyCode ?? 'BRL';

  return (
    <section aria-labelledby="cards-title" className="screen">
      <header className="screen-header">
        <h1 id="cards-title">{t('cards.title')}</h1>
        {cards.length > 0 && (
          <div className="header-actions">
            <select
              data-testid="fatura-csv-variant"
              aria-label={t('cards.csvVariant')}
              value={csvVariant}
              onChange={(e) => setCsvVariant(e.target.value === 'pt-BR' ? 'pt-BR' : 'standard')}
            >
              <option value="standard">{t('transactions.csvStandard')}</option>
              <option value="pt-BR">{t('transactions.csvPtBr')}</option>
            </select>
          </div>
        )}
      </header>
      <p className="intro hint">{t('cards.intro')}</p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.isSuccess && cards.length === 0 && (
        <Empty title={t('cards.emptyTitle')}>
          <p>{t('cards.emptyText')}</p>
        </Empty>
      )}
      {withoutCards.length > 0 && (
        <ul className="coverage-notes" data-testid="links-without-cards">
          {withoutCards.map((bank) => (
            <li key={bank} className="hint">
              {t('cards.noCardAt', { bank })}
            </li>
          ))}
        </ul>
      )}
      {cards.length > 1 && q.data && (
        <section className="panel" aria-label={t('cards.aheadTotal')}>
          <AheadMonths
            label={t('cards.aheadTotal')}
            months={q.data.aheadTotal}
            currency={currency}
            testId="ahead-total"
          />
        </section>
      )}
      {cards.map((card) => (
        <CardPanel
          key={card.accountId}
          card={card}
          title={`${linkName.get(card.connectionId) ?? card.bankName} · ${card.name}`}
          csvVariant={csvVariant}
        />
      ))}
    </section>
  );
}
