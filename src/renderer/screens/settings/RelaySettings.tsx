// Relay pairing: URL and a one-time admin token (never shown again, never stored), the paired state, unpairing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelayStatusView } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { ErrorState, Loading, useErrorText } from '../../components/QueryState';
import { RelayStateBadge } from '../../components/RelayStateBadge';
import { RotationSteps } from './RotationSteps';
import { UnpairDialog } from './UnpairDialog';

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    // Not a URL at all: the caller shows the same sentence as for a wrong scheme.
    return false;
  }
}

export function RelaySettings() {
  const { t } = useTranslation();
  const client = useClient();
  const status = useQuery({ queryKey: keys.relay, queryFn: () => client.invoke('relay.status', {}) });
  return (
    <section className="form" aria-labelledby="relay-title" data-testid="relay-settings">
      <h2 id="relay-title">{t('relay.title')}</h2>
      <p className="hint">{t('relay.intro')}</p>
      {status.isPending && <Loading />}
      {status.isError && <ErrorState error={status.error} onRetry={() => void status.refetch()} />}
      {status.isSuccess &&
        (status.data.state === 'unpaired' ? <PairForm /> : <PairedView status={status.data} />)}
    </section>
  );
}

function PairedView({ status }: { status: RelayStatusView }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <p>
        {t('relay.pairedWith')} <span className="mono">{status.url}</span>
      </p>
      <p>
        {t('relay.state')}: <RelayStateBadge state={status.state} />
      </p>
      <p className="hint">{t(`relay.stateHints.${status.state}`)}</p>
      {status.rotationDue && <RotationSteps />}
      <button type="button" className="danger-text" onClick={() => setConfirming(true)}>
        {t('relay.unpair')}
      </button>
      {confirming && <UnpairDialog url={status.url} onClose={() => setConfirming(false)} />}
    </>
  );
}

function PairForm() {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const pair = useMutation({
    mutationFn: (input: { url: string; adminToken: string }) => client.invoke('relay.pair', input),
    onSuccess: (next) => {
      // The token has done its job: it leaves this component's memory with the form.
      setToken('');
      queryClient.setQueryData(keys.relay, next);
      for (const key of [keys.settings, keys.health, keys.audit]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
  const submit = () => {
    const address = url.trim();
    if (!isHttpUrl(address)) return setProblem(t('relay.urlInvalid'));
    if (token.trim() === '') return setProblem(t('relay.tokenRequired'));
    setProblem(null);
    pair.mutate({ url: address, adminToken: token.trim() });
  };
  const error = problem ?? (pair.isError ? errorText(pair.error) : null);
  return (
    <form
      className="form form-plain"
      aria-label={t('relay.pair')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p>
        {t('relay.state')}: <RelayStateBadge state="unpaired" />
      </p>
      <label>
        {t('relay.url')}
        <input
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          placeholder="https://relay.example.com"
          data-testid="relay-url"
        />
      </label>
      <label>
        {t('relay.adminToken')}
        <input
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="off"
          data-testid="relay-token"
        />
      </label>
      <p className="hint">{t('relay.adminTokenHint')}</p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={pair.isPending}>
        {pair.isPending ? t('relay.pairing') : t('relay.pair')}
      </button>
    </form>
  );
}
