// Shapes of the /__sandbox admin answers, for tests and benchmarks that compare Cofre with the ground truth.
import { z } from 'zod';
import {
  Account,
  Bill,
  Consent,
  Investment,
  InvestmentTransaction,
  Item,
  Loan,
  Transaction,
} from '../shared/pluggy';

/** A transfer the sandbox made between two items' checking accounts (option `ownTransfers`). */
export const OwnTransferTruth = z.object({
  sentTransactionId: z.string(),
  receivedTransactionId: z.string(),
  fromAccountId: z.string(),
  toAccountId: z.string(),
  /** In reais, positive. */
  amount: z.number(),
  date: z.string(),
});
export type OwnTransferTruth = z.infer<typeof OwnTransferTruth>;

export const SandboxTruth = z.object({
  item: Item,
  accounts: z.array(Account),
  transactions: z.array(Transaction),
  /** Whether the item's bank covers each product (one that does not answers empty lists). */
  covers: z.object({ investments: z.boolean(), loans: z.boolean() }),
  investments: z.array(Investment),
  /** Each investment's movements, by its id. */
  investmentTransactions: z.record(z.string(), z.array(InvestmentTransaction)),
  loans: z.array(Loan),
  /** Open Finance consents, oldest first (none for other items). */
  consents: z.array(Consent).default([]),
  /** Closed bills of the item's cards, as GET /bills answers them. */
  bills: z.array(Bill),
  /** Each card's open bill: its transactions carry this `billForecastDate` and no `billId`. */
  openBills: z.array(
    z.object({
      accountId: z.string(),
      billForecastDate: z.string(),
      closingDate: z.string(),
      dueDate: z.string(),
    }),
  ),
  /** Centavos of parcelas falling in each bill after the open one, per card. */
  installmentsAhead: z.array(z.object({ accountId: z.string(), month: z.string(), cents: z.number().int() })),
  /** Transfers between this item's accounts and another item's, whichever item's first sync made them. */
  ownTransfers: z.array(OwnTransferTruth).default([]),
});
export type SandboxTruth = z.infer<typeof SandboxTruth>;

export const SandboxTruthSummary = z.object({
  item: Item,
  accounts: z.array(
    z.object({ account: Account, transactionCount: z.number().int(), idsSha256: z.string() }),
  ),
});
export type SandboxTruthSummary = z.infer<typeof SandboxTruthSummary>;

export const SandboxStats = z.object({
  requests: z.record(z.string(), z.number().int()),
  total: z.number().int(),
});
export type SandboxStats = z.infer<typeof SandboxStats>;

export const SandboxDeliveries = z.object({
  attempts: z.array(
    z.object({
      eventId: z.string().nullable(),
      event: z.string(),
      url: z.string(),
      round: z.number().int(),
      attempt: z.number().int(),
      status: z.number().int().nullable(),
      error: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type SandboxDeliveries = z.infer<typeof SandboxDeliveries>;
