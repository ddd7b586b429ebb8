// A rule's form with its preview: exactly what applying it would change, before anything is saved.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleInput, RuleMatchField, RulePreview } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { useErrorText } from '../../components/QueryState';
import { formatDate, formatMoney } from '../../format';
import { showToast } from '../../state/ui-state';
import { categoryFromName, useCategoryName } from '../transactions/category-name';

export interface RuleDraft {
  matchField: RuleMatchField;
  matchText: string;
  accountId: string | null;
  type: 'DEBIT' | 'CREDIT' | null;
  setCategory: string;
  addTag: string;
  setIgnored: boolean;
}

const FIELDS: RuleMatchField[] = ['any', 'description', 'merchant', 'counterparty'];

/** `category`: the typed name back to the stored one (categoryFromName). */
function toInput(d: RuleDraft, category: (typed: string) => string | null): RuleInput {
  return {
    matchField: d.matchField,
    matchText: d.matchText,
    accountId: d.accountId,
    type: d.type,
    setCategory: category(d.setCategory),
    addTag: d.addTag.trim() === '' ? null : d.addTag.trim(),
    setIgnored: d.setIgnored,
  };
}

export function RuleForm({
  initial,
  ruleId,
  categories = [],
  onDone,
}: {
  initial: RuleDraft;
  /** Editing a stored rule; otherwise a new one is added. */
  ruleId?: number;
  /** Known categories, offered by name in the person's language. */
  categories?: readonly string[];
  /** `applied`: how many rows the saved rule changed; undefined when cancelled. */
  onDone: (applied?: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const categoryName = useCategoryName();
  // The category is shown and typed in the person's language, stored as the bank's name when it is one.
  const [draft, setDraft] = useState({
    ...initial,
    setCategory: initial.setCategory === '' ? '' : categoryName(initial.setCategory),
  });
  const category = (typed: string) => categoryFromName(typed, categories, categoryName);
  const listId = useId();
  /** A change's value in words: a category by name (none of the person's: the bank's), tags, yes or no. */
  const changeText = (c: RulePreview['changes'][number], side: 'from' | 'to'): string => {
    const v = c[side];
    if (c.field === 'category') {
      return v === null || v === undefined
        ? t('rules.bankCategory', { category: categoryName(c.bankCategory) })
        : categoryName(String(v));
    }
    if (typeof v === 'boolean') return t(v ? 'edits.history.yes' : 'edits.history.no');
    if (Array.isArray(v)) return v.length === 0 ? '—' : v.join(', ');
    return v === null || v === undefined ? '—' : String(v);
  };
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const set = (patch: Partial<RuleDraft>) => {
    setDraft({ ...draft, ...patch });
    setPreview(null);
  };
  const previewer = useMutation({
    mutationFn: () =>
      client.invoke('rules.preview', { target: { rule: toInput(draft, category) }, limit: 50 }),
    onSuccess: setPreview,
  });
  const saver = useMutation({
    mutationFn: async () => {
      const rule = toInput(draft, category);
      const saved =
        ruleId === undefined
          ? await client.invoke('rules.add', { rule })
          : await client.invoke('rules.update', { id: ruleId, rule });
      return client.invoke('rules.apply', { target: { ruleId: saved.id }, limit: 1 });
    },
    onSuccess: (applied) => {
      showToast({ level: 'info', messageKey: 'rules.applied', params: { count: String(applied.rows) } });
      void queryClient.invalidateQueries({ queryKey: keys.transactions });
      void queryClient.invalidateQueries({ queryKey: keys.categories });
      void queryClient.invalidateQueries({ queryKey: ['rules'] });
      onDone(applied.rows);
    },
  });
  const valid =
    draft.matchText.trim() !== '' &&
    (draft.setCategory.trim() !== '' || draft.addTag.trim() !== '' || draft.setIgnored);

  return (
    <form
      className="rule-form"
      data-testid="rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        saver.mutate();
      }}
    >
      <fieldset>
        <legend>{t('rules.when')}</legend>
        <div className="rule-when">
          <select
            aria-label={t('rules.when')}
            value={draft.matchField}
            onChange={(e) => set({ matchField: e.target.value as RuleMatchField })}
          >
            {FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`rules.field.${f}`)}
              </option>
            ))}
          </select>
          <span>{t('rules.contains')}</span>
          <input
            aria-label={t('rules.contains')}
            data-testid="rule-text"
            value={draft.matchText}
            onChange={(e) => set({ matchText: e.target.value })}
          />
          <select
            aria-label={t('edits.amount')}
            value={draft.type ?? 'any'}
            onChange={(e) =>
              set({ type: e.target.value === 'any' ? null : (e.target.value as 'DEBIT' | 'CREDIT') })
            }
          >
            {(['any', 'DEBIT', 'CREDIT'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`rules.type.${v}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('rules.then')}</legend>
        <div className="rule-then">
          <label>
            {t('rules.setCategory')}
            <input
              data-testid="rule-category"
              list={listId}
              value={draft.setCategory}
              onChange={(e) => set({ setCategory: e.target.value })}
            />
            <datalist id={listId}>
              {categories.map((c) => (
                <option key={c} value={categoryName(c)} />
              ))}
            </datalist>
          </label>
          <label>
            {t('rules.addTag')}
            <input value={draft.addTag} onChange={(e) => set({ addTag: e.target.value })} />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.setIgnored}
              onChange={(e) => set({ setIgnored: e.target.checked })}
            />
            {t('rules.setIgnored')}
          </label>
        </div>
      </fieldset>
      <div className="dialog-actions">
        <button type="button" onClick={() => onDone()}>
          {t('rules.cancel')}
        </button>
        <button type="button" disabled={!valid || previewer.isPending} onClick={() => previewer.mutate()}>
          {t('rules.preview')}
        </button>
        <button type="submit" className="primary" disabled={!valid || preview === null || saver.isPending}>
          {t('rules.saveAndApply')}
        </button>
      </div>
      {(previewer.isError || saver.isError) && (
        <p className="error-text" role="alert">
          {errorText(previewer.error ?? saver.error)}
        </p>
      )}
      {preview && (
        <div className="rule-preview" data-testid="rule-preview" aria-live="polite">
          <p>{t('rules.previewCount', { count: preview.rows })}</p>
          <ul>
            {preview.changes.map((c) => (
              <li key={`${c.transactionId}-${c.ruleId}-${c.field}`}>
                <span className="hint">{formatDate(c.date, lng)}</span> {c.description}{' '}
                <span className="num">{formatMoney(c.amount, 'BRL', lng)}</span>{' '}
                <span className="hint">
                  {t(`edits.history.fields.${c.field}`)}: {changeText(c, 'from')} → {changeText(c, 'to')}
                </span>
              </li>
            ))}
            {preview.truncated && <li className="hint">{t('rules.previewMore')}</li>}
          </ul>
        </div>
      )}
    </form>
  );
}
