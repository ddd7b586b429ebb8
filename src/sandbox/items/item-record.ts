// What the sandbox keeps per item: the API object (minus the embedded connector) plus private state.
import type { Consent, Item } from '../../shared/pluggy';
import type { OwnTransferTruth } from '../admin-schemas';
import type { ForcedRefusalCode } from './refusals';

export type StoredItem = Omit<Item, 'connector'> & { connectorId: number };

export interface ItemRecord {
  item: StoredItem;
  /** The credentials last sent (sandbox fakes such as user-ok / password-ok). */
  parameters: Record<string, string>;
  /** Connect token (jti) that created the item, so that token may read it. */
  createdByToken: string | null;
  /** Number of data changes applied after the first sync. */
  generation: number;
  /** Set by POST /__sandbox/advance: the next successful execution brings new data. */
  advancePending: boolean;
  accountIds: string[];
  /** Failing executions in a row (Pluggy stops client refreshes past 5). */
  consecutiveErrors?: number;
  /** When the last execution finished (the login back-off counts from it). */
  lastExecutionEndedAt?: string;
  /** One-time codes already used by executions of this item (a refresh needs a new one). */
  usedTokens?: string[];
  /** Set by POST /__sandbox/refusal: the next `remaining` PATCHes answer with this refusal. */
  forcedRefusal?: { code: ForcedRefusalCode; remaining: number };
  /** Open Finance consents, oldest first (GET /consents?itemId=). */
  consents?: Consent[];
  /** Transfers this item's first sync made from an earlier item's account to its own (ground truth). */
  ownTransfers?: OwnTransferTruth[];
}
