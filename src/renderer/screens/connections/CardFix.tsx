// The one button that fixes a link's state (Reconectar, the code, the bank's app…), or a plain sentence when
// only time or the bank can fix it. Never a blind "sync" for a refused login.
import { useTranslation } from 'react-i18next';
import { isCredentialState } from '../../../shared/connections/attention';
import type { Connection } from '../../../shared/contract';
import { navigate } from '../../app/routes';
import type { CardRequest } from './ConnectionCard';

export interface CardFixProps {
  connection: Connection;
  onRequest: (request: CardRequest, connection: Connection) => void;
  onSync: () => void;
}

/** The bank's own site or app is the fix only when the bank wants something done there. */
const BANK_SIDE = new Set(['act_at_bank', 'approve_in_app']);

export function CardFix({ connection: c, onRequest, onSync }: CardFixProps) {
  const { t } = useTranslation();
  const credential = isCredentialState(c);
  const bankUrl = BANK_SIDE.has(c.action) ? c.connector.institutionUrl : null;
  const reconnect = (primary: boolean) => (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      data-testid={primary ? 'connection-action' : 'connection-reconnect'}
      onClick={() => onRequest('reconnect', c)}
    >
      {t('actions.reconnect')}
    </button>
  );
  if (bankUrl) {
    return (
      <>
        <a
          className="button primary"
          data-testid="connection-action"
          href={bankUrl}
          target="_blank"
          rel="noreferrer noopener"
        >
          {t('connections.openBankApp')}
        </a>
        {credential && reconnect(false)}
      </>
    );
  }
  // Every refused login (wrong or changed password, locked account, access not granted) ends in Reconectar.
  if (credential) return reconnect(true);
  const clicks: Partial<Record<Connection['action'], { label: string; run: () => void }>> = {
    answer_mfa: { label: t('actions.answer_mfa'), run: () => onRequest('mfa', c) },
    try_again: { label: t('actions.try_again'), run: onSync },
    use_other_connector: { label: t('actions.use_other_connector'), run: () => onRequest('connect', c) },
    check_settings: { label: t('actions.check_settings'), run: () => navigate('settings') },
  };
  const click = clicks[c.action];
  if (click) {
    return (
      <button type="button" className="primary" data-testid="connection-action" onClick={click.run}>
        {click.label}
      </button>
    );
  }
  return null;
}

/**
 * What the person should know when there is no button: a sentence, styled as text, not a control. Waiting for
 * Cofre's own retry needs none (the message says so, and the facts list when).
 */
export function CardNote({ connection: c }: { connection: Connection }) {
  const { t } = useTranslation();
  if (c.action === 'none' || c.action === 'wait_retry' || isCredentialState(c)) return null;
  // Its message already says to log out of the other session and that Cofre retries: no second sentence.
  if (c.action === 'logout_other_session') return null;
  if (['answer_mfa', 'try_again', 'use_other_connector', 'check_settings'].includes(c.action)) return null;
  if (BANK_SIDE.has(c.action) && c.connector.institutionUrl) return null;
  return (
    <p className="action-note" data-testid="connection-note">
      {t(`connections.notes.${c.action}`, { defaultValue: t(`actions.${c.action}`) })}
    </p>
  );
}
