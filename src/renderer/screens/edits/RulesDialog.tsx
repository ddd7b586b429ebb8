// The Regras section: the person's rules in order, to move, edit or delete, and to apply all at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleView } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Dialog } from '../../components/Dialog';
import { ErrorState, Loading } from '../../components/QueryState';
import { showToast } from '../../state/ui-state';
import { useCategoryName } from '../transactions/category-name';
import { RuleForm } from './RuleForm';

export function RulesDialog({
  categories,
  onClose,
}: {
  /** Known categories, offered by name when a rule is edited. */
  categories: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const client = useClient();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: ['rules'], queryFn: () => client.invoke('rules.list', {}) });
  const [editing, setEditing] = useState<RuleView | null>(null);
  // A toast sits under this modal dialog: what was done is said here too.
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['rules'] });
    void queryClient.invalidateQueries({ queryKey: keys.transactions });
  };
  const move = useMutation({
    mutationFn: ({ id, position }: { id: number; position: number }) =>
      client.invoke('rules.move', { id, position }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => client.invoke('rules.remove', { id }),
    onSuccess: () => {
      showToast({ level: 'info', messageKey: 'rules.removed', params: {} });
      setDone(t('rules.removed'));
      refresh();
    },
  });
  const applyAll = useMutation({
    mutationFn: () => client.invoke('rules.apply', { target: { all: true }, limit: 1 }),
    onSuccess: (r) => {
      showToast({ level: 'info', messageKey: 'rules.appliedAll', params: { count: String(r.rows) } });
      setDone(t('rules.appliedAll', { count: r.rows }));
      refresh();
    },
  });
  const summary = (r: RuleView) =>
    t('rules.summary', {
      field: t(`rules.field.${r.matchField}`),
      text: r.matchText,
      actions: [
        ...(r.setCategory ? [t('rules.actionCategory', { category: categoryName(r.setCategory) })] : []),
        ...(r.addTag ? [t('rules.actionTag', { tag: r.addTag })] : []),
        ...(r.setIgnored ? [t('rules.actionIgnore')] : []),
      ].join(', '),
    });

  return (
    <Dialog title={t('rules.title')} onClose={onClose} wide testId="rules-dialog">
      <p className="hint">{t('rules.intro')}</p>
      {rules.isPending && <Loading />}
      {rules.isError && <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.data?.length === 0 && <p>{t('rules.empty')}</p>}
      <ol className="rule-list" data-testid="rule-list">
        {rules.data?.map((r, i, all) => (
          <li key={r.id} data-testid="rule-item">
            <span className="rule-summary">
              <strong>#{r.id}</strong> {summary(r)}
            </span>
            <span className="rule-actions">
              <button
                type="button"
                disabled={i === 0}
                onClick={() => move.mutate({ id: r.id, position: r.position - 1 })}
              >
                {t('rules.up')}
              </button>
              <button
                type="button"
                disabled={i === all.length - 1}
                onClick={() => move.mutate({ id: r.id, position: r.position + 1 })}
              >
                {t('rules.down')}
              </button>
              <button type="button" onClick={() => setEditing(r)}>
                {t('rules.edit')}
              </button>
              <button type="button" className="danger" onClick={() => remove.mutate(r.id)}>
                {t('rules.remove')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {editing && (
        <RuleForm
          key={editing.id}
          ruleId={editing.id}
          categories={categories}
          initial={{
            matchField: editing.matchField,
            matchText: editing.matchText,
            accountId: editing.accountId,
            type: editing.type,
            setCategory: editing.setCategory ?? '',
            addTag: editing.addTag ?? '',
            setIgnored: editing.setIgnored,
          }}
          onDone={(applied) => {
            setEditing(null);
            if (applied !== undefined) setDone(t('rules.applied', { count: applied }));
          }}
        />
      )}
      {done && (
        <p className="ok" role="status" data-testid="rules-done">
          {done}
        </p>
      )}
      {(rules.data?.length ?? 0) > 0 && (
        <div className="dialog-actions">
          <button type="button" onClick={() => applyAll.mutate()} disabled={applyAll.isPending}>
            {t('rules.applyAll')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
