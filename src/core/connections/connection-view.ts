// What the UI shows for one bank link: Pluggy's state, what it means, and Cofre's own sync health.
import type { Connection } from '../../shared/contract';
import type { ConnectorCredential, Item } from '../../shared/pluggy';
import { CODE_REFUSALS, REFRESH_REFUSALS, explainCode, explainItem, withNewCodePrompt } from '../errors';
import type { StoredConnection } from '../store';
import { bankHealthOf, productFreshness, withBankBlame } from './bank-health-view';
import type { Db } from '../store/db';
import { getConnectionItem, getSyncState, listAccounts, listRetries } from '../store';
import { connectionName, maskNumber, ownerFirstName } from '../../shared/connections/name';

/** "Stale": the link says it is fine, yet no new data arrived for this long. */
export const STALE_AFTER_MS = 3 * 86_400_000;

/**
 * The prompt for a new one-time code the bank wants with a refresh: the connector's own credential field
 * when it describes one, else a plain code field.
 */
function codePrompt(item: Item | null): ConnectorCredential {
  const own = item?.connector.credentials?.find((c) => c.name === 'token');
  return own ? { ...own, optional: false } : { name: 'token', label: 'Token', type: 'number', mfa: true };
}

export interface ViewInputs {
  db: Db;
  now: number;
  isSyncing(itemId: string): boolean;
  /** The connector's logo kept locally (a data: URL), never the remote URL. */
  bankLogo(imageUrl: string | null): string | null;
}

export function connectionView(inputs: ViewInputs, stored: StoredConnection): Connection {
  const { db, now } = inputs;
  const item = getConnectionItem(db, stored.id);
  const state = getSyncState(db, stored.id);
  const retry = listRetries(db, stored.id)[0] ?? null;
  let explanation = explainItem({
    status: stored.status,
    executionStatus: stored.executionStatus,
    error: stored.errorCode ? { code: stored.errorCode } : null,
  });
  const blocked =
    state.refreshBlockedUntil && Date.parse(state.refreshBlockedUntil) > now
      ? state.refreshBlockedUntil
      : null;
  // A run under way (the answer to a refusal, say) makes the last run's failure old news: the card follows it.
  const failing =
    state.lastErrorCode !== null && state.consecutiveFailures > 0 && !inputs.isSyncing(stored.id);
  // The item can look fine at Pluggy while our own last run failed (rate limit, network): say so. A refusal
  // of our refresh is newer than the item's state (a login back-off only until it ends).
  const refused =
    failing &&
    REFRESH_REFUSALS.has(state.lastErrorCode!) &&
    (state.lastErrorCode !== 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES' || blocked !== null);
  if ((explanation.severity === 'ok' && failing) || refused) {
    explanation = explainCode(state.lastErrorCode!);
  }
  // Pluggy's item can say UPDATED before Cofre has read anything: not "all good" until a sync of ours worked.
  if (explanation.severity === 'ok' && state.lastSuccessAt === null) {
    explanation = { ...explanation, severity: 'info', messageKey: 'status.FIRST_SYNC' };
  }
  // A message that promises Cofre's own retry holds only while one is scheduled: once the attempts ran
  // out, say so and offer the manual sync instead.
  if (explanation.retry.automatic && retry === null && !inputs.isSyncing(stored.id)) {
    explanation = { ...explanation, messageKey: 'status.RETRIES_EXHAUSTED', action: 'try_again' };
  }
  explanation = withNewCodePrompt(explanation, item);
  const asksNewCode = explanation.messageKey === 'status.INVALID_CREDENTIALS_MFA_NEW_CODE';
  const bankHealth = bankHealthOf(db, stored.connectorId);
  const blame = withBankBlame(explanation, stored, bankHealth, retry !== null);
  explanation = blame.explanation;
  const lastNewData = state.lastNewDataAt ? Date.parse(state.lastNewDataAt) : null;
  const stale = explanation.severity === 'ok' && lastNewData !== null && now - lastNewData > STALE_AFTER_MS;
  const accounts = listAccounts(db, { connectionId: stored.id });
  const name = connectionName(stored);
  return {
    itemId: stored.id,
    name,
    nickname: stored.nickname,
    accounts: accounts.map((a) => ({
      id: a.id,
      name: a.marketingName ?? a.name,
      type: a.type,
      numberMasked: maskNumber(a.number),
    })),
    ownerFirstName: ownerFirstName(accounts.find((a) => a.owner)?.owner),
    connector: {
      id: stored.connectorId,
      name: stored.connectorName,
      imageUrl: inputs.bankLogo(stored.connectorImageUrl),
      primaryColor: stored.connectorPrimaryColor,
      isOpenFinance: stored.isOpenFinance,
      institutionUrl: item?.connector.institutionUrl ?? null,
    },
    status: stored.status,
    executionStatus: stored.executionStatus,
    severity: explanation.severity,
    messageKey: explanation.messageKey,
    messageParams: {
      bank: name,
      code: explanation.code,
      // An ISO instant: the renderer shows it as a date and time in the user's language.
      ...(blocked ? { until: blocked } : {}),
    },
    providerMessage: item?.error?.providerMessage ?? null,
    action: explanation.action,
    lastSyncedAt: state.lastSuccessAt,
    nextAutoSyncAt: stored.nextAutoSyncAt,
    nextRetryAt: retry?.dueAt ?? null,
    refreshBlockedUntil: blocked,
    consentExpiresAt: stored.consentExpiresAt,
    consecutiveFailures: state.consecutiveFailures,
    stale,
    syncing: inputs.isSyncing(stored.id),
    archived: stored.archivedAt !== null,
    accountCount: accounts.length,
    mfa:
      stored.status === 'WAITING_USER_INPUT'
        ? (item?.parameter ?? null)
        : CODE_REFUSALS.has(explanation.code) || asksNewCode
          ? codePrompt(item)
          : null,
    userAction:
      stored.status === 'WAITING_USER_ACTION' && item?.userAction
        ? { instructions: item.userAction.instructions, expiresAt: item.userAction.expiresAt ?? null }
        : null,
    bankHealth,
    problemAt: blame.problemAt,
    freshness: productFreshness(item),
  };
}
