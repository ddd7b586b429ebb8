// Calls about the person's own layer: edits of a transaction, its history and detail, and rules.
import { z } from 'zod';
import { Centavos } from '../../money';
import { call, NoInput } from '../define';
import { TransactionView } from './money';

const TransactionId = z.string().min(1).max(100);
const Tag = z.string().trim().min(1).max(60);

export const EditPatch = z
  .object({
    /** null or '' gives the bank's category back. */
    category: z.string().max(200).nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
    tags: z.array(Tag).max(30).optional(),
    ignored: z.boolean().optional(),
  })
  .strict();
export type EditPatch = z.infer<typeof EditPatch>;

export const RuleMatchField = z.enum(['description', 'merchant', 'counterparty', 'any']);
export type RuleMatchField = z.infer<typeof RuleMatchField>;

/** A rule as the person writes it; at least one action. Amounts are absolute centavos. */
export const RuleInput = z
  .object({
    matchField: RuleMatchField.default('any'),
    matchText: z.string().trim().min(1).max(200),
    accountId: z.string().min(1).max(100).nullable().default(null),
    amountMin: Centavos.nonnegative().max(1e14).nullable().default(null),
    amountMax: Centavos.nonnegative().max(1e14).nullable().default(null),
    type: z.enum(['DEBIT', 'CREDIT']).nullable().default(null),
    setCategory: z.string().trim().min(1).max(200).nullable().default(null),
    addTag: Tag.nullable().default(null),
    setIgnored: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.setCategory !== null || r.addTag !== null || r.setIgnored, {
    message: 'a rule needs something to do: a category, a tag or ignore',
  })
  .refine((r) => r.amountMin === null || r.amountMax === null || r.amountMin <= r.amountMax, {
    message: 'amountMin is above amountMax',
  });
export type RuleInput = z.input<typeof RuleInput>;
export type RuleFields = z.output<typeof RuleInput>;

export const RuleView = z.object({
  id: z.number().int(),
  position: z.number().int(),
  matchField: RuleMatchField,
  matchText: z.string(),
  accountId: z.string().nullable(),
  amountMin: Centavos.nullable(),
  amountMax: Centavos.nullable(),
  type: z.enum(['DEBIT', 'CREDIT']).nullable(),
  setCategory: z.string().nullable(),
  addTag: z.string().nullable(),
  setIgnored: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RuleView = z.infer<typeof RuleView>;

export const HistoryEntryView = z.object({
  id: z.number().int(),
  transactionId: z.string(),
  at: z.string(),
  kind: z.enum([
    'created',
    'posted',
    'status_changed',
    'amount_changed',
    'description_changed',
    'date_changed',
    'removed',
    'restored',
    'edited',
    'followed',
  ]),
  actor: z.enum(['sync', 'webhook', 'person', 'rule']),
  runId: z.number().int().nullable(),
  /** When that sync run started: runs are named by their moment, not their number. */
  runAt: z.string().nullable(),
  ruleId: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type HistoryEntryView = z.infer<typeof HistoryEntryView>;

/** One change a rule would make (preview) or made (apply). */
export const RuleChangeView = z.object({
  transactionId: z.string(),
  date: z.string(),
  description: z.string(),
  /** Cofre's sign, in the account's currency. */
  amount: Centavos,
  /** The bank's category of the row, beside what the rule sets. */
  bankCategory: z.string().nullable(),
  ruleId: z.number().int(),
  field: z.enum(['category', 'tags', 'ignored']),
  from: z.unknown(),
  to: z.unknown(),
});
export type RuleChangeView = z.infer<typeof RuleChangeView>;

export const RulePreview = z.object({
  /** Rows that would change (or did). */
  rows: z.number().int(),
  /** Every change, up to `limit`; `truncated` when there were more. */
  changes: z.array(RuleChangeView),
  truncated: z.boolean(),
});
export type RulePreview = z.infer<typeof RulePreview>;

export const TransactionDetail = z.object({
  transaction: TransactionView,
  bank: z.object({
    bankName: z.string(),
    accountName: z.string(),
    accountType: z.string(),
    accountNumberMasked: z.string().nullable(),
    descriptionRaw: z.string().nullable(),
    categoryId: z.string().nullable(),
    operationType: z.string().nullable(),
    merchantCnpj: z.string().nullable(),
    merchantCategory: z.string().nullable(),
    cardNumberMasked: z.string().nullable(),
    billId: z.string().nullable(),
    balance: Centavos.nullable(),
    pluggyCreatedAt: z.string().nullable(),
    pluggyUpdatedAt: z.string().nullable(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
  }),
  /** Which rule set the category or the ignore flag, when one did. */
  categoryRule: RuleView.nullable(),
  ignoredRule: RuleView.nullable(),
  history: z.array(HistoryEntryView),
});
export type TransactionDetail = z.infer<typeof TransactionDetail>;

/** A rule Cofre offers after the person gave the same merchant the same category twice. */
export const RuleSuggestion = z.object({
  matchField: RuleMatchField,
  matchText: z.string(),
  setCategory: z.string(),
  rows: z.number().int(),
});
export type RuleSuggestion = z.infer<typeof RuleSuggestion>;

const RuleTarget = z.union([
  z.object({ ruleId: z.number().int().positive() }).strict(),
  z.object({ rule: RuleInput }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export const editCalls = {
  'transactions.detail': call(z.object({ id: TransactionId }).strict(), TransactionDetail),
  'transactions.edit': call(
    z.object({ id: TransactionId, patch: EditPatch }).strict(),
    z.object({
      detail: TransactionDetail,
      changed: z.array(z.string()),
      suggestion: RuleSuggestion.nullable(),
    }),
  ),
  'transactions.tags': call(NoInput, z.array(z.string())),
  'rules.list': call(NoInput, z.array(RuleView)),
  'rules.add': call(
    z.object({ rule: RuleInput, position: z.number().int().min(1).max(10_000).optional() }).strict(),
    RuleView,
  ),
  'rules.update': call(z.object({ id: z.number().int().positive(), rule: RuleInput }).strict(), RuleView),
  'rules.move': call(
    z.object({ id: z.number().int().positive(), position: z.number().int().min(1).max(10_000) }).strict(),
    z.array(RuleView),
  ),
  'rules.remove': call(
    z.object({ id: z.number().int().positive() }).strict(),
    z.object({ removed: z.literal(true) }),
  ),
  /** What applying a rule (stored, or not yet saved) or every rule to the stored rows would change. */
  'rules.preview': call(
    z.object({ target: RuleTarget, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    RulePreview,
  ),
  'rules.apply': call(
    z
      .object({
        target: z.union([
          z.object({ ruleId: z.number().int().positive() }).strict(),
          z.object({ all: z.literal(true) }).strict(),
        ]),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    RulePreview,
  ),
};
