// One bank link: logo and colour, status badge, what is wrong in a sentence (the link's or the bank's), the one
// action, its consent, sync and disconnect.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Connection, ConsentView, SyncProgress } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { BankLogo } from '../../components/BankLogo';
import { useErrorText } from '../../components/QueryState';
import { isCredentialState } from '../../../shared/connections/attention';
import { localiseParams } from '../../components/notice-params';
import { formatCountdown, formatDateTime, formatRelative, formatTime } from '../../format';
import { ConsentSummary } from '../consents/ConsentSummary';
import { BankHealthFact, BankHealthNote, ProductFreshness, bankBadgeKey } from './BankHealth';
import { CardFix, CardNote } from './CardFix';
import { ConnectionTitle } from './ConnectionTitle';
import { SyncProgressBar } from './SyncProgressBar';

const HOUR_MS = 3_600_000;

export type CardRequest = 'connect' | 'reconnect' | 'renew' | 'consent' | 'mfa' | 'disconnect';

export interface ConnectionCardProps {
  connection: Connection;
  progress: SyncProgress | undefined;
  /** The link's Open Finance consent; undefined while loading, null when none is known. */
  consent: ConsentView | null | undefined;
  now: number;
  onRequest: (request: CardRequest, connection: Connection) => void;
}

export function ConnectionCard({ connection: c, progress, consent, now, onRequest }: ConnectionCardProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const bank = c.name;
  const sync = useMutation({
    mutationFn: () => client.invoke('connections.sync', { itemId: c.itemId }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.connections }),
  });
  const blockedMs = c.refreshBlockedUntil ? new Date(c.refreshBlockedUntil).getTime() - now : 0;
  const running = c.syncing || sync.isPending || (progress !== undefined && !isFinished(progress));
  const titleId = `conn-${c.itemId}`;
  const message = t(c.messageKey, {
    ...localiseParams(c.messageParams, lng),
    bank: c.messageParams['bank'] ?? bank,
    defaultValue: t('status.UNKNOWN', { bank, code: c.status }),
  });
  const bankBadge = bankBadgeKey(c);

  return (
    <article
      className={`card conn-card severity-${c.severity}`}
      aria-labelledby={titleId}
      data-testid="connection-card"
      data-item-id={c.itemId}
    >
      <header className="conn-header">
        <BankLogo name={c.connector.name} imageUrl={c.connector.imageUrl} color={c.connector.primaryColor} />
        <ConnectionTitle connection={c} titleId={titleId} />
        <span className={`badge badge-${c.severity}`} data-testid="connection-badge">
          {running
            ? t('connections.badge.syncing')
            : bankBadge
              ? t(bankBadge)
              : t(`connections.badge.${c.severity}`)}
        </span>
      </header>
      <p className="conn-message" data-testid="connection-message" data-problem-at={c.problemAt ?? 'none'}>
        {message}
      </p>
      <BankHealthNote connection={c} />
      {c.providerMessage && (
        <p className="hint">
          {t('connections.bankSays')} “{c.providerMessage}”
        </p>
      )}
      {c.userAction && <p className="hint">{c.userAction.instructions}</p>}
      {c.stale && <p className="warn-text">{t('connections.stale')}</p>}
      <ProductFreshness connection={c} />
      {c.connector.isOpenFinance ? (
        <ConsentSummary
          connection={c}
          consent={consent}
          onOpen={() => onRequest('consent', c)}
          onRenew={() => onRequest('renew', c)}
        />
      ) : (
        <p className="hint consent-none" data-testid="consent-not-applicable">
          {t('consents.notApplicable')}
        </p>
      )}
      <dl className="conn-facts">
        <dt>{t('connections.lastSync')}</dt>
        <dd data-testid="last-sync">
          {c.lastSyncedAt ? (
            <time dateTime={c.lastSyncedAt} title={c.lastSyncedAt}>
              {formatRelative(c.lastSyncedAt, now, lng)}
            </time>
          ) : (
            t('connections.never')
          )}
        </dd>
        <dt>{t('connections.nextAutoSync')}</dt>
        <dd>{c.nextAutoSyncAt ? formatRelative(c.nextAutoSyncAt, now, lng) : t('connections.unknown')}</dd>
        {c.nextRetryAt && (
          <>
            <dt>{t('connections.nextRetry')}</dt>
            <dd>{formatTime(c.nextRetryAt, lng)}</dd>
          </>
        )}
        <BankHealthFact connection={c} now={now} />
        <dt>{t('connections.accounts')}</dt>
        <dd>{c.accountCount}</dd>
      </dl>
      <CardNote connection={c} />
      {progress && <SyncProgressBar progress={progress} bank={bank} />}
      {sync.isError && (
        <p className="error-text" role="alert">
          {errorText(sync.error)}
        </p>
      )}
      <div className="conn-actions">
        <CardFix connection={c} onRequest={onRequest} onSync={() => sync.mutate()} />
        {/* A refused login is not retried blindly (each attempt can deepen a lockout at the bank); a card
            whose fix is a new sync already has that button. */}
        {!isCredentialState(c) && c.action !== 'try_again' && (
          <button
            type="button"
            onClick={() => sync.mutate()}
            disabled={running || blockedMs > 0}
            data-testid="sync-now"
            aria-label={t('connections.syncBank', { bank })}
          >
            {blockedMs > HOUR_MS
              ? t('connections.syncBlockedUntil', { time: formatDateTime(c.refreshBlockedUntil!, lng) })
              : blockedMs > 0
                ? t('connections.syncBlocked', { time: formatCountdown(blockedMs) })
                : running
                  ? t('connections.syncing')
                  : t('connections.syncNow')}
          </button>
        )}
        <button
          type="button"
          className="link-button danger-text"
          onClick={() => onRequest('disconnect', c)}
          aria-label={t('connections.disconnectBank', { bank })}
        >
          {t('connections.disconnect')}
        </button>
      </div>
    </article>
  );
}

function isFinished(progress: SyncProgress): boolean {
  return progress.phase === 'done' || progress.phase === 'failed';
}
