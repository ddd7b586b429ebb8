// The persisted description of one account: enough to regenerate its transactions lazily, plus its changes.
import type { Transaction } from '../../shared/pluggy';

export type AccountKind = 'checking' | 'savings' | 'card';

export interface AccountRecord {
  id: string;
  itemId: string;
  kind: AccountKind;
  /** Seed string for this account's generated transactions. */
  seedKey: string;
  /** Number of generated (index-addressed) transactions, dated over the year before `anchorMs`. */
  baseCount: number;
  /** End of the generated year (the first sync); generated transactions' createdAt. */
  anchorMs: number;
  /** Transactions added by later syncs, in ingestion order. */
  extras: Transaction[];
  /** Ids of deleted transactions (generated or extra). */
  removed: string[];
  /**
   * Ids left out of every answer while the balance still counts them (POST /__sandbox/hide): an API that
   * misses a transaction, which Cofre's ledger check must notice. Absent in state files from before.
   */
  hidden?: string[];
  /** Field changes on generated transactions (pending → posted, category edits). */
  overrides: Record<string, Partial<Transaction>>;
  /** Balance (a card's: what is owed) at creation, moved by each transaction a later sync brings. */
  balance: number;
  number: string;
  createdAtMs: number;
  updatedAtMs: number;
  /** Fields answered off the spec (set by POST /__sandbox/malform), laid over the account as given. */
  malformed?: Record<string, unknown>;
}
