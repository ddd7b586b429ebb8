// Shapes of the /__sandbox admin answers, for tests and benchmarks that compare Cofre with the ground truth.
import { z } from 'zod';
import {
  Account,
  Consent,
  Investment,
  InvestmentTransaction,
  Item,
  Loan,
  Transaction,
} from '../shared/pluggy';

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
