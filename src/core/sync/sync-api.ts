// The part of the Pluggy client the sync engine uses, named so tests and callers see the dependency.
import type { PluggyClient } from '../pluggy';

export type SyncApi = Pick<PluggyClient, 'getItem' | 'updateItem' | 'listAccounts' | 'transactionPages'> &
  // Optional so a test's hand-made API may leave the products out; the run then reads none of them.
  Partial<Pick<PluggyClient, 'listInvestments' | 'investmentTransactions' | 'listLoans'>>;
export type { TransactionQuery } from '../pluggy';
