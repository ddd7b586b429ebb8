// Calls that read the money: accounts, transactions (keyset pages, filters, search), charts and exports.
import { z } from 'zod';
import { Centavos } from '../../money';
import { call, NoInput } from '../define';
import { AccountDuplicateView, OwnMoveView } from './transfers';

// Every amount below is integer centavos in Cofre's sign convention (shared/money): money leaving the person
// is negative on every account type, and a card's debt is a negative balance. Formatting happens at the edge.

export const DayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const MonthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
/** An opaque keyset cursor as the core issued it (base64url); a forged one is refused by the core. */
export const Cursor = z.string().min(1).max(512);

export const AccountView = z.object({
  id: z.string(),
  connectionId: z.string(),
  bankName: z.string(),
  /** The link's name as Cofre shows it everywhere (the person's nickname, else the bank). */
  connectionName: z.string(),
  /** The account holder's first name, when Pluggy gives the owner. */
  ownerFirstName: z.string().nullable(),
  bankColor: z.string().nullable(),
  type: z.string(),
  subtype: z.string().nullable(),
  name: z.string(),
  marketingName: z.string().nullable(),
  /** Masked: only the last 4 digits. */
  numberMasked: z.string().nullable(),
  balance: Centavos,
  currencyCode: z.string(),
  creditLimit: Centavos.nullable(),
  availableCreditLimit: Centavos.nullable(),
  balanceCloseDate: z.string().nullable(),
  balanceDueDate: z.string().nullable(),
  updatedAt: z.string().nullable(),
  removedAt: z.string().nullable(),
  /** Set when the same account is listed under another link too; only one copy counts in totals. */
  duplicate: AccountDuplicateView.nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

export const TransactionFilter = z
  .object({
    accountIds: z.array(z.string().min(1).max(100)).max(200).optional(),
    /** Inclusive. */
    dateFrom: DayString.optional(),
    /** Inclusive. */
    dateTo: DayString.optional(),
    /** Bounds on the absolute amount in the account's currency, in centavos; `type` gives the direction. */
    amountMin: Centavos.nonnegative().max(1e14).optional(),
    amountMax: Centavos.nonnegative().max(1e14).optional(),
    type: z.enum(['DEBIT', 'CREDIT']).optional(),
    status: z.enum(['POSTED', 'PENDING']).optional(),
    categories: z.array(z.string().max(200)).max(200).optional(),
    /** Full-text search over description, merchant and counterparty names; any text is safe here. */
    text: z.string().max(200).optional(),
    includeRemoved: z.boolean().optional(),
  })
  .strict();
export type TransactionFilter = z.infer<typeof TransactionFilter>;

export const TransactionView = z.object({
  id: z.string(),
  accountId: z.string(),
  date: z.string(),
  description: z.string(),
  /** In `currencyCode`. */
  amount: Centavos,
  /** A foreign purchase in the account's currency (US$ 15.53 → R$ 88.52); null when not foreign. */
  amountInAccountCurrency: Centavos.nullable(),
  currencyCode: z.string().nullable(),
  type: z.string(),
  status: z.string(),
  category: z.string().nullable(),
  merchantName: z.string().nullable(),
  /** Pix/TED counterparty by name; never a raw CPF. */
  counterpartyName: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  installmentNumber: z.number().int().nullable(),
  totalInstallments: z.number().int().nullable(),
  removedAt: z.string().nullable(),
  /** The person's own layer (see calls/edits.ts): `category` above stays the bank's. */
  personCategory: z.string().nullable(),
  note: z.string().nullable(),
  tags: z.array(z.string()),
  /** Left out of spending, totals and exports by the person (or one of their rules). */
  ignored: z.boolean(),
  /** A transfer between own accounts or a card-bill payment Cofre found: left out of spending. */
  move: OwnMoveView.nullable(),
});
export type TransactionView = z.infer<typeof TransactionView>;

export const ExportFormat = z.enum(['csv', 'ofx']);
/** standard: comma, dot decimals, ISO dates, UTF-8; pt-BR: for Excel/LibreOffice in Portuguese. */
export const CsvVariant = z.enum(['standard', 'pt-BR']);
export type CsvVariant = z.infer<typeof CsvVariant>;

export const moneyCalls = {
  'accounts.list': call(z.object({ includeRemoved: z.boolean().optional() }).strict(), z.array(AccountView)),
  'transactions.page': call(
    z
      .object({
        filter: TransactionFilter.default({}),
        after: Cursor.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ rows: z.array(TransactionView), next: z.string().nullable() }),
  ),
  'transactions.count': call(
    z.object({ filter: TransactionFilter.default({}) }).strict(),
    z.object({ count: z.number().int() }),
  ),
  'transactions.categories': call(NoInput, z.array(z.string())),
  /** Entradas, saídas and saldo of the filtered set, spending only (see README, Money). */
  'transactions.totals': call(
    z.object({ filter: TransactionFilter.default({}) }).strict(),
    z.object({
      inflow: Centavos,
      outflow: Centavos,
      net: Centavos,
      count: z.number().int(),
      movedCount: z.number().int(),
      /** Rows the person left out of their reports. */
      ignoredCount: z.number().int(),
      /** Rows of an account listed under two links whose other copy is the one counted. */
      copyCount: z.number().int(),
    }),
  ),
  /** The file's text; the renderer offers it as a download (browser) or save dialog (Electron). */
  'transactions.export': call(
    z
      .object({
        format: ExportFormat,
        filter: TransactionFilter.default({}),
        csvVariant: CsvVariant.optional(),
      })
      .strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), content: z.string(), rows: z.number().int() }),
  ),
  'charts.spending': call(
    z.object({ month: MonthString, accountIds: z.array(z.string().min(1)).max(200).optional() }).strict(),
    z.array(
      z.object({
        category: z.string().nullable(),
        outflow: Centavos,
        inflow: Centavos,
        count: z.number().int(),
      }),
    ),
  ),
  'charts.balance': call(
    z.object({ accountId: z.string().min(1).max(100), from: DayString, to: DayString }).strict(),
    z.array(z.object({ day: z.string(), balance: Centavos })),
  ),
};
