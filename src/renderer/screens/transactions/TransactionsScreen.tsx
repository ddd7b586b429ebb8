// Transactions: filters and search over keyset pages (transactions.page), a virtualized list, CSV/OFX export.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvVariant } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading, useErrorText } from '../../components/QueryState';
import { downloadText } from '../../download';
import { formatNumber } from '../../format';
import { useDebounced } from '../../hooks/use-debounced';
import { showToast } from '../../state/ui-state';
import { toFilter } from './to-filter';
import { EMPTY_FILTER, TransactionFilters, type FilterForm } from './TransactionFilters';
import { TransactionTable } from './TransactionTable';
import { TransactionTotals } from './TransactionTotals';
import { RulesDialog } from '../edits/RulesDialog';
import { TransactionDetail } from '../edits/TransactionDetail';

// A small first page shows rows fast; later pages are big so a long scroll needs few round trips.
const FIRST_PAGE = 100;
const NEXT_PAGES = 500;

export function TransactionsScreen() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const errorText = useErrorText();
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER);
  const settled = useDebounced(form, 250);
  const filter = useMemo(() => toFilter(settled), [settled]);
  const accounts = useQuery({
    queryKey: [...keys.accounts, 'withRemoved'],
    queryFn: () => client.invoke('accounts.list', { includeRemoved: true }),
  });
  const pages = useInfiniteQuery({
    queryKey: [...keys.transactions, 'pages', filter],
    queryFn: ({ pageParam }) =>
      client.invoke('transactions.page', {
        filter,
        limit: pageParam ? NEXT_PAGES : FIRST_PAGE,
        ...(pageParam ? { after: pageParam } : {}),
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
  // Counting and listing categories scan the whole table (~1 s at 100k rows) and the core answers one call
  // at a time, so they wait for the first page: the rows come first, the totals a moment later.
  const firstPageIn = pages.isSuccess;
  const categories = useQuery({
    queryKey: keys.categories,
    queryFn: () => client.invoke('transactions.categories', {}),
    enabled: firstPageIn,
    staleTime: 5 * 60_000,
  });
  const count = useQuery({
    queryKey: [...keys.transactions, 'count', filter],
    queryFn: () => client.invoke('transactions.count', { filter }),
    enabled: firstPageIn,
  });
  const [csvVariant, setCsvVariant] = useState<CsvVariant>('standard');
  const [openId, setOpenId] = useState<string | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const exporter = useMutation({
    mutationFn: (format: 'csv' | 'ofx') =>
      client.invoke('transactions.export', { format, filter, ...(format === 'csv' ? { csvVariant } : {}) }),
    onSuccess: (file) => {
      downloadText(file);
      showToast({ level: 'info', messageKey: 'transactions.exported', params: { count: String(file.rows) } });
    },
  });

  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.rows) ?? [], [pages.data]);
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const a of accounts.data ?? []) map.set(a.id, `${a.bankName} · ${a.marketingName ?? a.name}`);
    return map;
  }, [accounts.data]);
  const accountName = useCallback((id: string) => names.get(id) ?? '—', [names]);
  const currencies = useMemo(
    () => new Map((accounts.data ?? []).map((a) => [a.id, a.currencyCode])),
    [accounts.data],
  );
  const accountCurrency = useCallback((id: string) => currencies.get(id) ?? 'BRL', [currencies]);
  const { fetchNextPage } = pages;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const filtered = JSON.stringify(filter) !== '{}';

  return (
    <section aria-labelledby="transactions-title" className="screen">
      <header className="screen-header">
        <h1 id="transactions-title">{t('transactions.title')}</h1>
        <div className="header-actions">
          <span className="hint" data-testid="transaction-count" aria-live="polite">
            {count.data
              ? t('transactions.count', { formatted: formatNumber(count.data.count, i18n.language) })
              : ''}
          </span>
          <select
            data-testid="csv-variant"
            aria-label={t('transactions.csvVariant')}
            value={csvVariant}
            onChange={(e) => setCsvVariant(e.target.value === 'pt-BR' ? 'pt-BR' : 'standard')}
          >
            <option value="standard">{t('transactions.csvStandard')}</option>
            <option value="pt-BR">{t('transactions.csvPtBr')}</option>
          </select>
          <button type="button" data-testid="open-rules" onClick={() => setRulesOpen(true)}>
            {t('rules.open')}
          </button>
          <button type="button" onClick={() => exporter.mutate('csv')} disabled={exporter.isPending}>
            {t('transactions.exportCsv')}
          </button>
          <button type="button" onClick={() => exporter.mutate('ofx')} disabled={exporter.isPending}>
            {t('transactions.exportOfx')}
          </button>
        </div>
      </header>
      {exporter.isError && (
        <p className="error-text" role="alert">
          {errorText(exporter.error)}
        </p>
      )}
      <TransactionFilters
        value={form}
        onChange={setForm}
        accounts={(accounts.data ?? []).filter((a) => !a.removedAt)}
        categories={categories.data ?? []}
      />
      <TransactionTotals
        filter={filter}
        currency={accounts.data?.[0]?.currencyCode ?? 'BRL'}
        enabled={firstPageIn}
      />
      {pages.isPending && <Loading />}
      {pages.isError && <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />}
      {pages.isSuccess && rows.length === 0 && (
        <Empty title={filtered ? t('transactions.noMatch') : t('transactions.emptyTitle')}>
          <p>{filtered ? t('transactions.noMatchText') : t('transactions.emptyText')}</p>
        </Empty>
      )}
      {rows.length > 0 && (
        <TransactionTable
          rows={rows}
          total={count.data?.count}
          hasMore={pages.hasNextPage}
          loadingMore={pages.isFetchingNextPage}
          onLoadMore={loadMore}
          accountName={accountName}
          accountCurrency={accountCurrency}
          onOpen={setOpenId}
        />
      )}
      {openId !== null && (
        <TransactionDetail id={openId} categories={categories.data ?? []} onClose={() => setOpenId(null)} />
      )}
      {rulesOpen && <RulesDialog categories={categories.data ?? []} onClose={() => setRulesOpen(false)} />}
    </section>
  );
}
