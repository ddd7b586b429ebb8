// A card's title: the link's name, what tells it apart (bank, masked numbers, owner), and renaming it in place.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NICKNAME_MAX } from '../../../shared/connections/name';
import type { Connection } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { DATA_KEYS } from '../../client/query-keys';
import { useErrorText } from '../../components/QueryState';

/** "Pluggy Bank · Maria · •••• 1234, •••• 5678": what the name alone may not say. */
function distinguishing(c: Connection): string {
  const numbers = c.accounts.map((a) => a.numberMasked).filter((n): n is string => n !== null);
  return [c.nickname ? c.connector.name : null, c.ownerFirstName, numbers.join(', ') || null]
    .filter(Boolean)
    .join(' · ');
}

export function ConnectionTitle({ connection: c, titleId }: { connection: Connection; titleId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const rename = useMutation({
    mutationFn: (nickname: string | null) =>
      client.invoke('connections.rename', { itemId: c.itemId, nickname }),
    onSuccess: () => {
      setEditing(false);
      // Filters, notices, accounts and the audit log name the link the same way.
      for (const key of DATA_KEYS) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const detail = distinguishing(c);
  return (
    <div className="conn-title">
      <h2 id={titleId}>{c.name}</h2>
      {detail && (
        <span className="hint conn-detail" data-testid="connection-detail">
          {detail}
        </span>
      )}
      {editing ? (
        <form
          className="rename-form"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate(draft.trim() || null);
          }}
        >
          <label>
            {t('connections.nickname')}
            <input
              autoFocus
              value={draft}
              maxLength={NICKNAME_MAX}
              placeholder={c.connector.name}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
              data-testid="nickname-input"
            />
          </label>
          <button type="submit" className="primary" disabled={rename.isPending}>
            {t('connections.saveNickname')}
          </button>
          <button type="button" className="link-button" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
          {rename.isError && (
            <p className="error-text" role="alert">
              {errorText(rename.error)}
            </p>
          )}
        </form>
      ) : (
        <button
          type="button"
          className="link-button conn-rename"
          aria-label={t('connections.renameBank', { bank: c.name })}
          onClick={() => {
            setDraft(c.nickname ?? '');
            setEditing(true);
          }}
        >
          {t('connections.rename')}
        </button>
      )}
    </div>
  );
}
