// Settings → Backup: make an encrypted backup (this computer's key or a passphrase) and restore a checked one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { useErrorText } from '../../components/QueryState';
import { downloadBase64, fileToBase64 } from '../../download';
import { formatDateTime, formatNumber } from '../../format';

const backupStatusKey = ['backup', 'status'] as const;

function formatSize(bytes: number, language: string): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), language)} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, language)} MB`;
}

export function BackupSettings() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const status = useQuery({ queryKey: backupStatusKey, queryFn: () => client.invoke('backup.status', {}) });
  const [protection, setProtection] = useState<'key' | 'passphrase'>('key');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => client.invoke('backup.create', protection === 'passphrase' ? { passphrase } : {}),
    onSuccess: (made) => {
      downloadBase64(made);
      setPassphrase('');
      void queryClient.invalidateQueries({ queryKey: backupStatusKey });
      void queryClient.invalidateQueries({ queryKey: keys.notices });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
  });
  const last = status.data?.lastBackupAt;

  return (
    <>
      <form
        className="form"
        aria-labelledby="backup-title"
        data-testid="backup-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (protection === 'passphrase' && passphrase.length < 8) {
            setProblem(t('backup.passphraseShort'));
            return;
          }
          setProblem(null);
          create.mutate();
        }}
      >
        <h2 id="backup-title">{t('backup.title')}</h2>
        <p className="hint">{t('backup.intro')}</p>
        <p data-testid="backup-last">
          {last ? t('backup.last', { when: formatDateTime(last, i18n.language) }) : t('backup.never')}
        </p>
        <fieldset className="choice-group">
          <legend>{t('backup.protection')}</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="backup-protection"
              checked={protection === 'key'}
              onChange={() => setProtection('key')}
            />
            {t('backup.withKey')}
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="backup-protection"
              checked={protection === 'passphrase'}
              onChange={() => setProtection('passphrase')}
              data-testid="backup-with-passphrase"
            />
            {t('backup.withPassphrase')}
          </label>
        </fieldset>
        {protection === 'passphrase' && (
          <label>
            {t('backup.passphrase')}
            <input
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete="new-password"
              data-testid="backup-passphrase"
            />
            <span className="hint">{t('backup.passphraseHint')}</span>
          </label>
        )}
        {(problem ?? create.error) && (
          <p className="error-text" role="alert">
            {problem ?? errorText(create.error)}
          </p>
        )}
        {create.data && !create.isPending && (
          <p role="status" data-testid="backup-made">
            {t('backup.created', {
              rows: formatNumber(create.data.summary.rows, i18n.language),
              tables: create.data.summary.tables,
              size: formatSize(create.data.bytes, i18n.language),
            })}
          </p>
        )}
        <button type="submit" className="primary" disabled={create.isPending} data-testid="backup-create">
          {create.isPending ? t('backup.creating') : t('backup.create')}
        </button>
      </form>
      <RestoreForm pending={status.data?.restorePending ?? false} />
    </>
  );
}

function RestoreForm({ pending }: { pending: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const restore = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('no file');
      const content = await fileToBase64(file);
      return client.invoke('backup.restore', { content, ...(passphrase ? { passphrase } : {}) });
    },
    onSuccess: () => {
      setPassphrase('');
      void queryClient.invalidateQueries({ queryKey: backupStatusKey });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
  });
  return (
    <form
      className="form"
      aria-labelledby="restore-title"
      data-testid="restore-form"
      onSubmit={(e) => {
        e.preventDefault();
        restore.mutate();
      }}
    >
      <h2 id="restore-title">{t('backup.restoreTitle')}</h2>
      <p className="hint">{t('backup.restoreIntro')}</p>
      <label>
        {t('backup.file')}
        <input
          type="file"
          accept=".cofrebak,application/octet-stream"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="restore-file"
        />
      </label>
      <label>
        {t('backup.restorePassphrase')}
        <input
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="off"
          data-testid="restore-passphrase"
        />
      </label>
      {restore.error && (
        <p className="error-text" role="alert" data-testid="restore-error">
          {errorText(restore.error)}
        </p>
      )}
      {restore.data ? (
        <p className="restart-notice" role="status" data-testid="restore-done">
          {t('backup.restored', {
            when: formatDateTime(restore.data.summary.createdAt, i18n.language),
            rows: formatNumber(restore.data.summary.rows, i18n.language),
          })}
        </p>
      ) : (
        pending && (
          <p className="restart-notice" role="status">
            {t('backup.pending')}
          </p>
        )
      )}
      <button
        type="submit"
        className="primary"
        disabled={!file || restore.isPending}
        data-testid="restore-submit"
      >
        {restore.isPending ? t('backup.restoring') : t('backup.restore')}
      </button>
    </form>
  );
}
