// A rule's form with its preview: exactly what applying it would change, before anything is saved.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleInput, RuleMatchField, RulePreview } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { useErrorText } from '../../components/QueryState';
import { formatDate, formatMoney } from '../../format';
import { showToast } from '../../state/ui-state';

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

function toInput(d: RuleDraft): RuleInput {
  return {
    matchField: d.matchField,
    matchText: d.matchText,
    accountId: d.accountId,
    type: d.type,
    setCategory: d.setCategory.trim() === '' ? null : d.setCategory.trim(),
    addTag: d.addTag.trim() === '' ? null : d.addTag.trim(),
    setIgnored: d.setIgnored,
  };
}

export function RuleForm({
  initial,
  ruleId,
  onDone,
}: {
  initial: RuleDraft;
  /** Editing a stored rule; otherwise a new one is added. */
  ruleId?: number;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [draft, setDraft] = useState(initial);
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const set = (patch: Partial<RuleDraft>) => {
    setDraft({ ...draft, ...patch });
    setPreview(null);
  };
  const previewer = useMutation({
    mutationFn: () => client.invoke('rules.preview', { target: { rule: toInput(draft) }, limit: 50 }),
    onSuccess: setPreview,
  });
  const saver = useMutation({
    mutationFn: async () => {
      const rule = toInput(draft);
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
      onDone();
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
              value={draft.setCategory}
              onChange={(e) => set({ setCategory: e.target.value })}
            />
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
        <button type="button" onClick={onDone}>
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
                  {t(`edits.history.fields.${c.field}`)}: {String(c.from ?? '—')} → {String(c.to)}
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
