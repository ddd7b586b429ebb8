// On an account card: the same account is listed under another link; which copy counts, and the person's pick.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { useErrorText } from '../../components/QueryState';

export function DuplicateNote({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [done, setDone] = useState<string | null>(null);
  const choose = useMutation({
    mutationFn: (choice: 'keep' | 'separate') =>
      client.invoke('accounts.chooseDuplicate', { accountId: account.id, choice }),
    onSuccess: (_result, choice) => {
      setDone(t(choice === 'keep' ? 'transfers.duplicate.kept' : 'transfers.duplicate.separated'));
      for (const key of [keys.accounts, keys.transactions, keys.charts, keys.investments])
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const duplicate = account.duplicate;
  if (!duplicate)
    return done ? (
      <p className="ok hint" role="status">
        {done}
      </p>
    ) : null;
  const links = [...new Set(duplicate.copies.map((c) => c.connectionName))].join(', ');
  return (
    <div className="duplicate-note" data-testid="duplicate-note" data-counted={duplicate.counted}>
      <p className={duplicate.counted ? 'hint' : 'warn-text'}>
        {t(duplicate.counted ? 'transfers.duplicate.counted' : 'transfers.duplicate.notCounted', { links })}
        {duplicate.chosenByPerson && <> {t('transfers.duplicate.byYou')}</>}
      </p>
      <div className="duplicate-actions">
        {!duplicate.counted && (
          <button
            type="button"
            data-testid="duplicate-keep"
            disabled={choose.isPending}
            onClick={() => choose.mutate('keep')}
          >
            {t('transfers.duplicate.keep')}
          </button>
        )}
        <button
          type="button"
          data-testid="duplicate-separate"
          disabled={choose.isPending}
          onClick={() => choose.mutate('separate')}
        >
          {t('transfers.duplicate.separate')}
        </button>
      </div>
      {done && (
        <p className="ok hint" role="status">
          {done}
        </p>
      )}
      {choose.isError && (
        <p className="error-text" role="alert">
          {errorText(choose.error)}
        </p>
      )}
    </div>
  );
}
