// Calls that read investments, loans and the net worth line (local DB only; the sync fills them).
import { z } from 'zod';
import { Centavos } from '../../money';
import { call, NoInput } from '../define';

// Amounts are integer centavos in Cofre's sign convention: a loan's outstanding balance is debt, so negative.

/** How Cofre groups positions on screen: renda fixa, Tesouro, fundos, ações, previdência, outros. */
export const InvestmentGroup = z.enum(['fixed_income', 'treasury', 'funds', 'equities', 'pension', 'other']);
export type InvestmentGroup = z.infer<typeof InvestmentGroup>;

/** What the last sync of a connection read of a product: read, not covered by the bank, failed, or never tried. */
export const ProductCoverage = z.object({
  connectionId: z.string(),
  bankName: z.string(),
  state: z.enum(['read', 'not_covered', 'failed', 'never_read']),
  attemptedAt: z.string().nullable(),
  /** When the product was last read whole (kept through later failures). */
  readAt: z.string().nullable(),
});
export type ProductCoverage = z.infer<typeof ProductCoverage>;

export const InvestmentView = z.object({
  id: z.string(),
  connectionId: z.string(),
  bankName: z.string(),
  group: InvestmentGroup,
  /** Pluggy's type and subtype as sent (values Cofre does not know yet included). */
  type: z.string().nullable(),
  subtype: z.string().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  /** ACTIVE, PENDING, TOTAL_WITHDRAWAL (resgatado) or a value Pluggy adds later. */
  status: z.string().nullable(),
  currencyCode: z.string(),
  /** Current net balance. */
  balance: Centavos,
  /** What was invested; null when the bank does not say. */
  invested: Centavos.nullable(),
  /** Profit (or loss, negative) to date; null when the bank does not give it. */
  profit: Centavos.nullable(),
  taxes: Centavos.nullable(),
  quantity: z.number().nullable(),
  /** e.g. 110 with rateType CDI ("110% do CDI"), or fixedAnnualRate 6.1 with IPCA ("IPCA + 6,1%"). */
  rate: z.number().nullable(),
  rateType: z.string().nullable(),
  fixedAnnualRate: z.number().nullable(),
  issuer: z.string().nullable(),
  dueDate: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  balanceDate: z.string().nullable(),
});
export type InvestmentView = z.infer<typeof InvestmentView>;

export const InvestmentTransactionView = z.object({
  id: z.string(),
  type: z.string().nullable(),
  movementType: z.string().nullable(),
  description: z.string().nullable(),
  date: z.string().nullable(),
  /** Seen from the position: money into it (CREDIT, e.g. an aplicação) positive, out of it negative. */
  amount: Centavos.nullable(),
  netAmount: Centavos.nullable(),
  quantity: z.number().nullable(),
});
export type InvestmentTransactionView = z.infer<typeof InvestmentTransactionView>;

export const LoanView = z.object({
  id: z.string(),
  connectionId: z.string(),
  bankName: z.string(),
  kind: z.string().nullable(),
  type: z.string().nullable(),
  productName: z.string(),
  /** Only the last 4 characters. */
  contractNumberMasked: z.string().nullable(),
  currencyCode: z.string(),
  contractAmount: Centavos.nullable(),
  /** What it takes to settle the debt today, negative (debt); null when the bank does not say. */
  outstanding: Centavos.nullable(),
  contractDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  installmentsTotal: z.number().int().nullable(),
  installmentsPaid: z.number().int().nullable(),
  installmentsDue: z.number().int().nullable(),
  installmentsPastDue: z.number().int().nullable(),
  /** 1 = 100%, per `interestRatePeriodicity` (MONTHLY, YEARLY…). */
  interestRate: z.number().nullable(),
  interestRatePeriodicity: z.string().nullable(),
  /** Custo Efetivo Total, annual (0.29 = 29% a.a.). */
  cet: z.number().nullable(),
});
export type LoanView = z.infer<typeof LoanView>;

/** contas + investimentos − faturas abertas − empréstimos, each part with what it counted. */
export const NetWorthView = z.object({
  total: Centavos,
  /** Checking and savings balances (cards count through their open faturas). */
  accounts: Centavos,
  investments: Centavos,
  /**
   * Owed on cards (negative): each card's open fatura and what is left to pay on its last closed one; null
   * while Cofre reads no faturas (the total then leaves them out).
   */
  openBills: Centavos.nullable(),
  /** Loans' outstanding balances (negative). */
  loans: Centavos,
  /** Connections whose investments or loans could not be counted (not covered, failed, never read). */
  notCounted: z.array(
    z.object({ bankName: z.string(), product: z.enum(['investments', 'loans']), state: z.string() }),
  ),
  /** Amounts in another currency, left out of the BRL sum. */
  foreignLeftOut: z.number().int(),
});
export type NetWorthView = z.infer<typeof NetWorthView>;

export const investmentCalls = {
  'investments.list': call(
    NoInput,
    z.object({ positions: z.array(InvestmentView), coverage: z.array(ProductCoverage) }),
  ),
  'investments.transactions': call(
    z.object({ investmentId: z.string().min(1).max(200) }).strict(),
    z.array(InvestmentTransactionView),
  ),
  'investments.netWorth': call(NoInput, NetWorthView),
  'loans.list': call(NoInput, z.object({ loans: z.array(LoanView), coverage: z.array(ProductCoverage) })),
};
