// The Cofre-side settings kept by the core: Pluggy credentials (secret write-only), demo mode, sync, notices,
// relay; says when saved changes wait for a restart.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsUpdate } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { ErrorState, Loading, useErrorText } from '../../components/QueryState';
import { RelaySettings } from './RelaySettings';

const INTERVALS = [15, 30, 60, 120, 360, 720, 1440] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function PluggySettings() {
  const client = useClient();
  const settings = useQuery({ queryKey: keys.settings, queryFn: () => client.invoke('settings.get', {}) });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm settings={settings.data} />;
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [clientId, setClientId] = useState(settings.pluggy.clientId ?? '');
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (input: SettingsUpdate) => client.invoke('settings.update', input),
    onSuccess: (next) => {
      queryClient.setQueryData(keys.settings, next);
      void queryClient.invalidateQueries({ queryKey: keys.appInfo });
      setSecret('');
    },
  });
  const saveCredentials = () => {
    const id = clientId.trim();
    if (id && !UUID.test(id)) {
      setProblem(t('settings.clientIdInvalid'));
      return;
    }
    setProblem(null);
    update.mutate({ pluggy: { clientId: id || null, ...(secret ? { clientSecret: secret } : {}) } });
  };
  return (
    <>
      {settings.restartRequired && (
        <p className="restart-notice" role="status" data-testid="restart-required">
          {t('settings.restartRequired')}
        </p>
      )}
      <form
        className="form"
        aria-labelledby="pluggy-title"
        onSubmit={(e) => {
          e.preventDefault();
          saveCredentials();
        }}
      >
        <h2 id="pluggy-title">{t('settings.pluggy')}</h2>
        <p className="hint">{t('settings.pluggyIntro')}</p>
        <label>
          {t('settings.clientId')}
          <input
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="00000000-0000-0000-0000-000000000000"
          />
        </label>
        <label>
          {t('settings.clientSecret')}
          <input
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="new-password"
            placeholder={settings.pluggy.clientSecretSet ? t('settings.secretKeep') : ''}
            data-testid="client-secret"
          />
        </label>
        <p className="hint" data-testid="secret-state">
          {settings.pluggy.clientSecretSet ? t('settings.secretSet') : t('settings.secretNotSet')}
        </p>
        {settings.pluggy.clientSecretSet && (
          <button
            type="button"
            className="link-button danger-text"
            onClick={() => update.mutate({ pluggy: { clientSecret: null } })}
          >
            {t('settings.secretRemove')}
          </button>
        )}
        {(problem ?? update.error) && (
          <p className="error-text" role="alert">
            {problem ?? errorText(update.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={update.isPending}>
          {t('settings.saveCredentials')}
        </button>
      </form>
      <form className="form" aria-labelledby="sync-settings-title" onSubmit={(e) => e.preventDefault()}>
        <h2 id="sync-settings-title">{t('settings.sync')}</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.demoMode}
            onChange={(e) => update.mutate({ demoMode: e.target.checked })}
            data-testid="demo-switch"
          />
          {t('settings.demoMode')}
        </label>
        <p className="hint">{t('settings.demoModeHint')}</p>
        <label>
          {t('settings.syncInterval')}
          <select
            value={settings.syncIntervalMinutes}
            onChange={(e) => update.mutate({ syncIntervalMinutes: Number(e.target.value) })}
          >
            {!(INTERVALS as readonly number[]).includes(settings.syncIntervalMinutes) && (
              <option value={settings.syncIntervalMinutes}>
                {t('settings.everyMinutes', { count: settings.syncIntervalMinutes })}
              </option>
            )}
            {INTERVALS.map((m) => (
              <option key={m} value={m}>
                {m < 60
                  ? t('settings.everyMinutes', { count: m })
                  : t('settings.everyHours', { count: m / 60 })}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.notifications}
            onChange={(e) => update.mutate({ notifications: e.target.checked })}
          />
          {t('settings.notifications')}
        </label>
      </form>
      <RelaySettings />
    </>
  );
}
