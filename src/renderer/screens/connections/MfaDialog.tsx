// Answers the bank's MFA prompt (item WAITING_USER_INPUT): text, number, password, select and image/QR fields.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../components/QueryState';
import { formatCountdown } from '../../format';
import { useNow } from '../../hooks/use-now';

type Prompt = NonNullable<Connection['mfa']>;

function imageSource(data: string): string {
  return data.startsWith('data:') ? data : `data:image/png;base64,${data}`;
}

function readPattern(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    // The bank sent a pattern JS cannot read: let the bank judge the answer instead.
    return null;
  }
}

function invalidReason(prompt: Prompt, value: string, t: (key: string) => string): string | null {
  if (!value) return prompt.optional ? null : t('mfa.required');
  if (prompt.validation) {
    const pattern = readPattern(prompt.validation);
    if (pattern && !pattern.test(value)) return prompt.validationMessage ?? t('mfa.invalid');
  }
  return null;
}

export function MfaDialog({ connection, onClose }: { connection: Connection; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const now = useNow();
  const prompt = connection.mfa;
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useMutation({
    mutationFn: (values: Record<string, string>) =>
      client.invoke('connections.submitMfa', { itemId: connection.itemId, values }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.connections });
      onClose();
    },
  });
  const bank = connection.name;
  const expiresIn = prompt?.expiresAt ? new Date(prompt.expiresAt).getTime() - now : null;

  return (
    <Dialog title={t('mfa.title', { bank })} onClose={onClose} testId="mfa-dialog">
      {!prompt ? (
        <p>{t('mfa.noPrompt', { bank })}</p>
      ) : (
        <form
          className="form form-plain"
          onSubmit={(e) => {
            e.preventDefault();
            const reason = invalidReason(prompt, value, t);
            setProblem(reason);
            if (!reason) submit.mutate({ [prompt.name]: value });
          }}
        >
          <p>{prompt.instructions ?? t('mfa.intro', { bank })}</p>
          {prompt.type === 'image' && prompt.data && (
            <img className="mfa-image" src={imageSource(prompt.data)} alt={t('mfa.imageAlt', { bank })} />
          )}
          <label>
            {prompt.label}
            {prompt.type === 'select' && prompt.options ? (
              <select value={value} onChange={(e) => setValue(e.target.value)}>
                <option value="">{t('mfa.choose')}</option>
                {prompt.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type={prompt.type === 'password' ? 'password' : 'text'}
                inputMode={prompt.type === 'number' ? 'numeric' : undefined}
                autoComplete="one-time-code"
                placeholder={prompt.placeholder ?? undefined}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                autoFocus
              />
            )}
          </label>
          {prompt.assistiveText && <p className="hint">{prompt.assistiveText}</p>}
          {expiresIn !== null && (
            <p className="hint" role="timer">
              {expiresIn > 0 ? t('mfa.expiresIn', { time: formatCountdown(expiresIn) }) : t('mfa.expired')}
            </p>
          )}
          {(problem ?? submit.error) && (
            <p className="error-text" role="alert">
              {problem ?? errorText(submit.error)}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={submit.isPending}>
              {submit.isPending ? t('mfa.sending') : t('mfa.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
