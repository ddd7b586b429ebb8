// What the daily security review looks for in the audit log, and which entries belong to which finding.
import { REVIEW_CATEGORIES, type ReviewCategory } from '../../shared/contract';

export { REVIEW_CATEGORIES, type ReviewCategory };

/** Bank login failures of one connection in one day from which the review calls them repeated. */
export const REPEATED_LOGIN_FAILURES = 3;

/** Sync failures that mean the bank refused the login (not an outage): the ones worth counting. */
const LOGIN_FAILURE_CODES = new Set([
  'INVALID_CREDENTIALS',
  'INVALID_CREDENTIALS_MFA',
  'LOGIN_ERROR',
  'ACCOUNT_LOCKED',
  'ACCOUNT_CREDENTIALS_RESET',
  // Pluggy's refusal of a refresh after several wrong logins in a row: a login failure too.
  'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
]);

/** Settings whose change means the Pluggy credentials changed. */
const CREDENTIAL_SETTINGS = new Set(['pluggyClientId', 'clientSecret.set', 'clientSecret.cleared']);

export const ACTIONS = {
  connectionCreated: 'open_finance.connection.created',
  connectionDeleted: 'open_finance.connection.deleted',
  relayPaired: 'relay.paired',
  relayUnpaired: 'relay.unpaired',
  settingsUpdated: 'settings.updated',
  syncFailed: 'open_finance.sync.failed',
  webhookReceived: 'open_finance.webhook.received',
  chainBroken: 'audit.chain.verify_failed',
  wrongDbKey: 'security.db_key.rejected',
} as const;

/** SQL that narrows the day's entries to candidates (indexed by action), before `categoryOf` decides. */
export const CANDIDATE_SQL = `(action IN (${Object.values(ACTIONS)
  .map((a) => `'${a}'`)
  .join(', ')}) OR action GLOB '*.exported' OR action GLOB '*backup*')`;

export interface CandidateEntry {
  id: number;
  action: string;
  connectionId: string | null;
  details: Record<string, unknown>;
}

/**
 * The finding an entry belongs to; login failures are counted per connection and day by the caller.
 * `knownItems`: the connections stored now — an item's first webhook may beat its save by a moment.
 */
export function categoryOf(entry: CandidateEntry, knownItems: ReadonlySet<string>): ReviewCategory | null {
  const d = entry.details;
  switch (entry.action) {
    case ACTIONS.connectionCreated:
      return 'connection_added';
    case ACTIONS.connectionDeleted:
      return 'connection_removed';
    case ACTIONS.relayPaired:
    case ACTIONS.relayUnpaired:
      return 'relay_pairing';
    case ACTIONS.settingsUpdated: {
      const changed = Array.isArray(d['changed']) ? d['changed'] : [];
      return changed.some((c) => CREDENTIAL_SETTINGS.has(String(c))) ? 'pluggy_credentials' : null;
    }
    case ACTIONS.syncFailed:
      return LOGIN_FAILURE_CODES.has(String(d['code'])) ? 'login_failures' : null;
    case ACTIONS.webhookReceived:
      return d['unknownItem'] === true && !knownItems.has(String(d['itemId']))
        ? 'unknown_item_webhook'
        : null;
    case ACTIONS.chainBroken:
      return 'audit_chain_broken';
    case ACTIONS.wrongDbKey:
      return 'wrong_db_key';
  }
  if (entry.action.includes('backup')) return 'backup';
  if (entry.action.endsWith('.exported')) return 'export';
  return null;
}
