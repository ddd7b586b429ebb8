// Investment (GET /investments, /investments/{id}) and its movements (GET /investments/{id}/transactions).
import { z } from 'zod';
import { IsoDateString } from './common';
import { openEnum } from './enums';
import type { UnknownValue } from './unknown-values';

export const InvestmentType = z.enum([
  'COE',
  'EQUITY',
  'ETF',
  'FIXED_INCOME',
  'MUTUAL_FUND',
  'SECURITY',
  'OTHER',
]);
export type InvestmentType = z.infer<typeof InvestmentType>;

export const InvestmentSubtype = z.enum([
  'STRUCTURED_NOTE',
  'STOCK',
  'ETF',
  'REAL_ESTATE_FUND',
  'BDR',
  'DERIVATIVES',
  'OPTION',
  'TREASURY',
  'LCI',
  'LCA',
  'LF',
  'CDB',
  'CRI',
  'CRA',
  'CORPORATE_DEBT',
  'LC',
  'DEBENTURES',
  'INVESTMENT_FUND',
  'MULTIMARKET_FUND',
  'FIXED_INCOME_FUND',
  'STOCK_FUND',
  'ETF_FUND',
  'OFFSHORE_FUND',
  'FIP_FUND',
  'EXCHANGE_FUND',
  'FI_INFRA',
  'FI_AGRO',
  'RETIREMENT',
  'OTHER',
]);
export type InvestmentSubtype = z.infer<typeof InvestmentSubtype>;

export const InvestmentStatus = z.enum(['ACTIVE', 'PENDING', 'TOTAL_WITHDRAWAL']);
export type InvestmentStatus = z.infer<typeof InvestmentStatus>;

export const InvestmentTransactionType = z.enum([
  'BUY',
  'SELL',
  'TAX',
  'TRANSFER',
  'INTEREST',
  'AMORTIZATION',
]);
export type InvestmentTransactionType = z.infer<typeof InvestmentTransactionType>;

export const MovementType = z.enum(['CREDIT', 'DEBIT']);
export type MovementType = z.infer<typeof MovementType>;

const amount = z.number().nullish();
const text = z.string().nullish();

export const InvestmentInstitution = z.object({ name: text, number: text });

export const InvestmentMetadata = z.object({
  taxRegime: text,
  proposalNumber: text,
  processNumber: text,
  fundName: text,
  insurer: z.object({ name: text, cnpj: text }).nullish(),
  anbimaClass: text,
  anbimaSubclass: text,
  anbimaCategory: text,
});

export const InvestmentExpenses = z.object({
  serviceTax: amount,
  brokerageFee: amount,
  incomeTax: amount,
  tradingAssetsNoticeFee: amount,
  maintenanceFee: amount,
  settlementFee: amount,
  clearingFee: amount,
  stockExchangeFee: amount,
  custodyFee: amount,
  operatingFee: amount,
  other: amount,
  iof: amount,
  iofProvision: amount,
});

export const InvestmentTransaction = z.object({
  /** Required by the spec; the movements embedded in an investment (older payloads) come without one. */
  id: z.string().min(1),
  type: openEnum(InvestmentTransactionType).nullish(),
  movementType: openEnum(MovementType).nullish(),
  description: text,
  quantity: amount,
  value: amount,
  /** Gross amount in currency units; may be absent on a TRANSFER. */
  amount,
  netAmount: amount,
  agreedRate: amount,
  indexerPercentage: amount,
  priceFactor: amount,
  brokerageNumber: text,
  date: IsoDateString.nullish(),
  tradeDate: IsoDateString.nullish(),
  expenses: InvestmentExpenses.nullish(),
});
export type InvestmentTransaction = z.infer<typeof InvestmentTransaction>;

/** A movement as embedded in an investment (the spec's example carries them without ids). */
const EmbeddedMovement = InvestmentTransaction.extend({ id: z.string().nullish() });

export const Investment = z.object({
  id: z.string().min(1),
  itemId: z.string().nullish(),
  /** Absent or new values are kept as given and grouped as "other" by Cofre. */
  type: openEnum(InvestmentType).nullish(),
  subtype: openEnum(InvestmentSubtype).nullish(),
  number: text,
  name: text,
  code: text,
  isin: text,
  /** Current net balance, currency units. The one figure Cofre cannot do without. */
  balance: z.number(),
  currencyCode: text,
  lastMonthRate: amount,
  lastTwelveMonthsRate: amount,
  annualRate: amount,
  value: amount,
  quantity: amount,
  amount,
  taxes: amount,
  taxes2: amount,
  date: IsoDateString.nullish(),
  owner: text,
  amountProfit: amount,
  amountWithdrawal: amount,
  amountOriginal: amount,
  metadata: InvestmentMetadata.nullish(),
  dueDate: IsoDateString.nullish(),
  issuer: text,
  issuerCNPJ: text,
  issueDate: IsoDateString.nullish(),
  purchaseDate: IsoDateString.nullish(),
  gracePeriodDate: IsoDateString.nullish(),
  rate: amount,
  rateType: text,
  fixedAnnualRate: amount,
  taxExempt: z.boolean().nullish(),
  ratePeriodicity: text,
  indexerAdditionalInfo: text,
  priceFactor: amount,
  institution: InvestmentInstitution.nullish(),
  status: openEnum(InvestmentStatus).nullish(),
  transactions: z.array(EmbeddedMovement).nullish(),
});
export type Investment = z.infer<typeof Investment>;

/** GET /investments/{id}/transactions: the spec requires all four page fields. */
export const InvestmentTransactionPage = z.object({
  results: z.array(InvestmentTransaction),
  page: z.number(),
  total: z.number(),
  totalPages: z.number(),
});
export type InvestmentTransactionPage = z.infer<typeof InvestmentTransactionPage>;

const known = (e: z.ZodEnum) => e.options as readonly string[];
const check = (out: UnknownValue[], field: string, e: z.ZodEnum, value: unknown): void => {
  if (typeof value === 'string' && !known(e).includes(value)) out.push({ field, value });
};

export function unknownInvestmentValues(i: {
  type?: string | null;
  subtype?: string | null;
  status?: string | null;
}): UnknownValue[] {
  const out: UnknownValue[] = [];
  check(out, 'investment.type', InvestmentType, i.type);
  check(out, 'investment.subtype', InvestmentSubtype, i.subtype);
  check(out, 'investment.status', InvestmentStatus, i.status);
  return out;
}

export function unknownInvestmentTransactionValues(t: {
  type?: string | null;
  movementType?: string | null;
}): UnknownValue[] {
  const out: UnknownValue[] = [];
  check(out, 'investmentTransaction.type', InvestmentTransactionType, t.type);
  check(out, 'investmentTransaction.movementType', MovementType, t.movementType);
  return out;
}
