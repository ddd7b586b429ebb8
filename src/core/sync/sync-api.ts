// The part of the Pluggy client the sync engine uses, named so tests and callers see the dependency.
import type { PluggyClient } from '../pluggy';

export type SyncApi = Pick<PluggyClient, 'getItem' | 'updateItem' | 'listAccounts' | 'transactionPages'> &
  // Optional so a test's hand-made API may leave the products out; the run then reads none of them.
  Partial<Pick<PluggyClient, 'listInvestments' | 'investmentTransactions' | 'listLoans' | 'listBills'>> &
  /** Consents and the bank's health: read when the API offers them (test doubles may leave them out). */
  Partial<Pick<PluggyClient, 'listConsents' | 'getConnectorHealth'>>;
export type { TransactionQuery } from '../pluggy';
