// The transaction detail panel: every field the bank sent, the person's edits beside them, the row's history.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSuggestion, TransactionDetail as Detail } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Dialog } from '../../components/Dialog';
import { ErrorState, Loading, useErrorText } from '../../components/QueryState';
import { formatDate, formatDateTime, formatMoney } from '../../format';
import { showToast } from '../../state/ui-state';
import { categoryFromName, useCategoryName } from '../transactions/category-name';
import { BillName } from './BillName';
import { historyLine } from './history-line';
import { RuleForm, type RuleDraft } from './RuleForm';
import { MoveSection } from '../transfers/MoveSection';

export function TransactionDetail({
  id,
  categories,
  onClose,
}: {
  id: string;
  categories: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const detail = useQuery({
    queryKey: [...keys.transactions, 'detail', id],
    queryFn: () => client.invoke('transactions.detail', { id }),
  });
  // Kept above the body, which starts afresh from each new answer (a save's included): a save's
  // suggestion and what was just done must outlive that.
  const [suggestion, setSuggestion] = useState<RuleSuggestion | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Dialog title={t('edits.title')} onClose={onClose} wide testId="transaction-detail">
      {detail.isPending && <Loading />}
      {detail.isError && <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && (
        <DetailBody
          key={formKey(detail.data)}
          detail={detail.data}
          categories={categories}
          suggestion={suggestion}
          setSuggestion={setSuggestion}
          done={done}
          setDone={setDone}
        />
      )}
    </Dialog>
  );
}

/**
 * The form starts afresh when the person's layer changed on the other side (a save, a rule), not at every
 * refetch: a sync finishing while the panel is open must not wipe what the person is typing.
 */
function formKey(detail: Detail): string {
  const tx = detail.transaction;
  return JSON.stringify([tx.id, tx.personCategory, tx.note, tx.tags, tx.ignored]);
}

function ruleFrom(detail: Detail, suggestion: RuleSuggestion | null, category: string): RuleDraft {
  const tx = detail.transaction;
  const [matchField, matchText] = suggestion
    ? [suggestion.matchField, suggestion.matchText]
    : tx.merchantName
      ? (['merchant', tx.merchantName] as const)
      : tx.counterpartyName
        ? (['counterparty', tx.counterpartyName] as const)
        : (['description', tx.description] as const);
  return {
    matchField,
    matchText,
    accountId: null,
    type: null,
    setCategory: suggestion?.setCategory ?? category,
    addTag: '',
    setIgnored: false,
  };
}

interface BodyProps {
  detail: Detail;
  categories: string[];
  suggestion: RuleSuggestion | null;
  setSuggestion: (s: RuleSuggestion | null) => void;
  /** What was just done, said in the panel (a toast sits under this modal panel). */
  done: string | null;
  setDone: (text: string | null) => void;
}

function DetailBody({ detail, categories, suggestion, setSuggestion, done, setDone }: BodyProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const categoryName = useCategoryName();
  const tx = detail.transaction;
  // The person reads and types categories in their language; a known one is stored as the bank's name.
  const [category, setCategory] = useState(tx.personCategory ? categoryName(tx.personCategory) : '');
  const categoryCode = () => categoryFromName(category, categories, categoryName);
  const [note, setNote] = useState(tx.note ?? '');
  const [tags, setTags] = useState(tx.tags.join(', '));
  const [ignored, setIgnored] = useState(tx.ignored);
  const [ruleDraft, setRuleDraft] = useState<RuleDraft | null>(null);
  const save = useMutation({
    mutationFn: () =>
      client.invoke('transactions.edit', {
        id: tx.id,
        patch: {
          category: categoryCode(),
          note: note.trim() === '' ? null : note,
          tags: tags
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
          ignored,
        },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData([...keys.transactions, 'detail', tx.id], result.detail);
      void queryClient.invalidateQueries({ queryKey: keys.transactions });
      void queryClient.invalidateQueries({ queryKey: keys.categories });
      showToast({ level: 'info', messageKey: 'edits.saved', params: {} });
      setDone(t('edits.saved'));
      setSuggestion(result.suggestion);
    },
  });
  const money = (cents: number | null) =>
    cents === null ? t('edits.none') : formatMoney(cents, tx.currencyCode ?? 'BRL', lng);
  const rows: [string, ReactNode][] = [
    [t('edits.date'), formatDate(tx.date, lng)],
    [t('edits.amount'), money(tx.amountInAccountCurrency ?? tx.amount)],
    [t('edits.status'), tx.status === 'PENDING' ? t('edits.pending') : t('edits.posted')],
    [t('edits.bank'), detail.bank.bankName],
    [
      t('edits.account'),
      [detail.bank.accountName, detail.bank.accountNumberMasked].filter(Boolean).join(' '),
    ],
    [t('edits.description'), tx.description],
    [t('edits.descriptionRaw'), detail.bank.descriptionRaw],
    [t('edits.bankCategory'), tx.category === null ? null : categoryName(tx.category)],
    [t('edits.merchant'), tx.merchantName],
    [t('edits.counterparty'), tx.counterpartyName],
    [t('edits.paymentMethod'), tx.paymentMethod],
    [t('edits.operationType'), detail.bank.operationType],
    [
      t('edits.installment'),
      tx.installmentNumber !== null && tx.totalInstallments !== null
        ? t('edits.installmentOf', { number: tx.installmentNumber, total: tx.totalInstallments })
        : null,
    ],
    [t('edits.bill'), detail.bank.billId === null ? null : <BillName billId={detail.bank.billId} />],
    [t('edits.card'), detail.bank.cardNumberMasked],
  ];
  const listId = `categories-${tx.id}`;

  return (
    <div className="tx-detail">
      <MoveSection tx={tx} onUndone={setDone} />
      <section aria-labelledby="tx-bank">
        <h3 id="tx-bank">{t('edits.bankSection')}</h3>
        <dl className="tx-fields" data-testid="detail-fields">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value === null || value === '' ? t('edits.none') : value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="tx-yours">
        <h3 id="tx-yours">{t('edits.yoursSection')}</h3>
        <form
          className="tx-edit"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <label>
            {t('edits.yourCategory')}
            <input
              data-testid="detail-category"
              list={listId}
              value={category}
              placeholder={tx.category ? categoryName(tx.category) : t('edits.categoryPlaceholder')}
              onChange={(e) => setCategory(e.target.value)}
            />
            <datalist id={listId}>
              {categories.map((c) => (
                <option key={c} value={categoryName(c)} />
              ))}
            </datalist>
          </label>
          {detail.categoryRule && (
            <p className="hint" data-testid="category-rule">
              {t('edits.categoryByRule', { id: detail.categoryRule.id, text: detail.categoryRule.matchText })}
            </p>
          )}
          <label>
            {t('edits.note')}
            <textarea
              data-testid="detail-note"
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <label>
            {t('edits.tags')} <span className="hint">({t('edits.tagsHint')})</span>
            <input data-testid="detail-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
          </label>
          <label className="check">
            <input
              type="checkbox"
              data-testid="detail-ignored"
              checked={ignored}
              onChange={(e) => setIgnored(e.target.checked)}
            />
            {t('edits.ignored')}
          </label>
          <p className="hint">{t('edits.ignoredHint')}</p>
          {detail.ignoredRule && (
            <p className="hint">
              {t('edits.ignoredByRule', { id: detail.ignoredRule.id, text: detail.ignoredRule.matchText })}
            </p>
          )}
          <div className="dialog-actions">
            <button
              type="button"
              data-testid="detail-create-rule"
              onClick={() => {
                setDone(null);
                setRuleDraft(ruleFrom(detail, suggestion, categoryCode() ?? tx.personCategory ?? ''));
              }}
            >
              {t('edits.createRule')}
            </button>
            <button type="submit" className="primary" data-testid="detail-save" disabled={save.isPending}>
              {t('edits.save')}
            </button>
          </div>
          {done && !save.isPending && (
            <p className="ok" role="status" data-testid="detail-done">
              {done}
            </p>
          )}
          {save.isError && (
            <p className="error-text" role="alert">
              {errorText(save.error)}
            </p>
          )}
        </form>
        {suggestion && !ruleDraft && (
          <div className="notice-inline" role="status" data-testid="rule-suggestion">
            <p>
              {t('edits.suggestion', {
                category: categoryName(suggestion.setCategory),
                rows: suggestion.rows,
                text: suggestion.matchText,
              })}
            </p>
            <button
              type="button"
              onClick={() => setRuleDraft(ruleFrom(detail, suggestion, suggestion.setCategory))}
            >
              {t('edits.createRule')}
            </button>
          </div>
        )}
        {ruleDraft && (
          <RuleForm
            initial={ruleDraft}
            categories={categories}
            onDone={(applied) => {
              setRuleDraft(null);
              if (applied === undefined) return;
              setSuggestion(null);
              setDone(t('rules.applied', { count: applied }));
            }}
          />
        )}
      </section>
      <section aria-labelledby="tx-history" className="tx-history-section">
        <h3 id="tx-history">{t('edits.historySection')}</h3>
        <ol className="tx-history" data-testid="detail-history">
          {detail.history.map((h) => {
            const line = historyLine(h, t, lng);
            return (
              <li key={`${h.transactionId}-${h.id}`} data-kind={h.kind}>
                <time className="hint">{formatDateTime(h.at, lng)}</time> {line.what}
                {line.who && <span className="hint"> · {line.who}</span>}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
