// The audit log viewer: newest first over keyset pages, filters, expandable details, chain check, export.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../../shared/contract';
import { onShortcut } from '../../app/shortcut-bus';
import { useClient } from '../../client/client-context';
import { DateRangeFields } from '../../components/DateField';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading, useErrorText } from '../../components/QueryState';
import { downloadText } from '../../download';
import { formatNumber } from '../../format';
import { useDebounced } from '../../hooks/use-debounced';
import { AuditEntryRow } from './AuditEntryRow';
import { auditSearchTerms } from './audit-search-terms';
import { ReviewFilterChip } from './ReviewFilterChip';
import { useHashParam } from '../../app/hash-query';

const FAMILIES = ['connection', 'sync', 'error', 'user'] as const;
const OUTCOMES = ['success', 'failure', 'info'] as const;

interface Form {
  family: '' | (typeof FAMILIES)[number];
  connectionId: string;
  outcome: string;
  dateFrom: string;
  dateTo: string;
  text: string;
}
const EMPTY: Form = { family: '', connectionId: '', outcome: '', dateFrom: '', dateTo: '', text: '' };

function toFilter(form: Form): AuditFilter {
  const f: AuditFilter = {};
  if (form.family) f.family = form.family;
  if (form.connectionId) f.connectionId = form.connectionId;
  if (form.outcome) f.outcome = form.outcome;
  if (form.dateFrom) f.dateFrom = form.dateFrom;
  if (form.dateTo) f.dateTo = form.dateTo;
  const text = form.text.trim().slice(0, 200);
  if (text) f.text = text;
  return f;
}

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const errorText = useErrorText();
  const [form, setForm] = useState<Form>(EMPTY);
  // Clearing remounts the date fields: a half-typed or impossible date is cleared with the rest.
  const [cleared, setCleared] = useState(0);
  const settled = useDebounced(form, 250);
  const review = useHashParam('review');
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => onShortcut('search', () => search.current?.focus()), []);
  const connections = useQuery({
    queryKey: keys.connections,
    queryFn: () => client.invoke('connections.list', {}),
  });
  const lng = i18n.language;
  // The search matches what the entries show (names in this language, the link's name), not only codes.
  const filter = useMemo(() => {
    const base = toFilter(settled);
    const terms = base.text ? auditSearchTerms(base.text, i18n, lng, connections.data ?? []) : [];
    return { ...base, ...(terms.length > 0 ? { terms } : {}), ...(review ? { review } : {}) };
  }, [settled, review, i18n, lng, connections.data]);
  const pages = useInfiniteQuery({
    queryKey: [...keys.audit, 'pages', filter],
    queryFn: ({ pageParam }) =>
      client.invoke('audit.page', { filter, limit: 100, ...(pageParam ? { after: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => client.invoke('audit.verify', {}) });
  const exporter = useMutation({
    mutationFn: (format: 'csv' | 'jsonl') => client.invoke('audit.export', { format, filter }),
    onSuccess: (file) => downloadText(file),
  });
  const rows = pages.data?.pages.flatMap((p) => p.rows) ?? [];
  const bankName = (id: string) => connections.data?.find((c) => c.itemId === id)?.name ?? id.slice(0, 8);
  const set = <K extends keyof Form>(key: K, v: Form[K]) => setForm((f) => ({ ...f, [key]: v }));

  return (
    <section aria-labelledby="audit-title" className="screen">
      <header className="screen-header">
        <h1 id="audit-title">{t('audit.title')}</h1>
        <div className="header-actions">
          <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {t('audit.verify')}
          </button>
          <button type="button" onClick={() => exporter.mutate('csv')} disabled={exporter.isPending}>
            {t('audit.exportCsv')}
          </button>
          <button type="button" onClick={() => exporter.mutate('jsonl')} disabled={exporter.isPending}>
            {t('audit.exportJsonl')}
          </button>
        </div>
      </header>
      <p className="intro">{t('audit.intro')}</p>
      {verify.data && (
        <p role="status" className={verify.data.ok ? 'ok-box' : 'bad-box'} data-testid="audit-verify-result">
          {verify.data.ok
            ? t('audit.verifyOk', {
                count: verify.data.checked,
                formatted: formatNumber(verify.data.checked, lng),
              })
            : t('audit.verifyBroken', { id: verify.data.brokenAt ?? '?' })}
        </p>
      )}
      {(verify.isError || exporter.isError) && (
        <p className="error-text" role="alert">
          {errorText(verify.error ?? exporter.error)}
        </p>
      )}
      {review && <ReviewFilterChip day={review} />}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="filter-search">
          {t('audit.search')}
          <input ref={search} type="search" value={form.text} onChange={(e) => set('text', e.target.value)} />
        </label>
        <label>
          {t('audit.family')}
          <select
            value={form.family}
            onChange={(e) => set('family', e.target.value as Form['family'])}
            data-testid="audit-family"
          >
            <option value="">{t('audit.allFamilies')}</option>
            {FAMILIES.map((f) => (
              <option key={f} value={f}>
                {t(`audit.families.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.connection')}
          <select value={form.connectionId} onChange={(e) => set('connectionId', e.target.value)}>
            <option value="">{t('audit.allConnections')}</option>
            {(connections.data ?? []).map((c) => (
              <option key={c.itemId} value={c.itemId}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.outcome')}
          <select value={form.outcome} onChange={(e) => set('outcome', e.target.value)}>
            <option value="">{t('audit.allOutcomes')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`audit.outcomes.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <DateRangeFields
          from={form.dateFrom}
          to={form.dateTo}
          onChange={set}
          resetKey={cleared}
          testIds={{ from: 'audit-date-from', to: 'audit-date-to' }}
        />
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setCleared((n) => n + 1);
            setForm(EMPTY);
          }}
        >
          {t('transactions.clearFilters')}
        </button>
      </form>
      {pages.isPending && <Loading />}
      {pages.isError && <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />}
      {pages.isSuccess && rows.length === 0 && <Empty title={t('audit.empty')} />}
      {rows.length > 0 && (
        <ul className="audit-list" aria-label={t('audit.listLabel')}>
          {rows.map((entry) => (
            <AuditEntryRow key={entry.id} entry={entry} bankName={bankName} />
          ))}
        </ul>
      )}
      {pages.hasNextPage && (
        <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
          {pages.isFetchingNextPage ? t('common.loading') : t('audit.loadMore')}
        </button>
      )}
    </section>
  );
}
