// The part of the Pluggy client the sync engine uses, named so tests and callers see the dependency.
import type { PluggyClient } from '../pluggy';

export type SyncApi = Pick<PluggyClient, 'getItem' | 'updateItem' | 'listAccounts' | 'transactionPages'>;
export type { TransactionQuery } from '../pluggy';
