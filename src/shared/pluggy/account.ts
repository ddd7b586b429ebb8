// Account (checking, savings or credit card) as returned by GET /accounts and GET /accounts/{id}.
import { z } from 'zod';
import { IsoDateString } from './common';
import { AccountSubtype, AccountType, openEnum } from './enums';

export const BankData = z.object({
  transferNumber: z.string().nullish(),
  closingBalance: z.number().nullish(),
  automaticallyInvestedBalance: z.number().nullish(),
  overdraftContractedLimit: z.number().nullish(),
  overdraftUsedLimit: z.number().nullish(),
  unarrangedOverdraftAmount: z.number().nullish(),
  hasReservedBalance: z.boolean().nullish(),
  reservedBalances: z.array(z.unknown()).nullish(),
});
export type BankData = z.infer<typeof BankData>;

export const CreditData = z.object({
  level: z.string().nullish(),
  brand: z.string().nullish(),
  brandAdditionalInfo: z.string().nullish(),
  balanceCloseDate: IsoDateString.nullish(),
  balanceDueDate: IsoDateString.nullish(),
  availableCreditLimit: z.number().nullish(),
  balanceForeignCurrency: z.number().nullish(),
  minimumPayment: z.number().nullish(),
  creditLimit: z.number().nullish(),
  isLimitFlexible: z.boolean().nullish(),
  status: z.string().nullish(),
  holderType: z.string().nullish(),
  disaggregatedCreditLimits: z.array(z.unknown()).nullish(),
});
export type CreditData = z.infer<typeof CreditData>;

export const Account = z.object({
  id: z.string(),
  itemId: z.string(),
  type: openEnum(AccountType),
  subtype: openEnum(AccountSubtype).nullish(),
  number: z.string().nullish(),
  /** Currency units (not cents). */
  balance: z.number(),
  name: z.string(),
  marketingName: z.string().nullish(),
  owner: z.string().nullish(),
  taxNumber: z.string().nullish(),
  currencyCode: z.string(),
  bankData: BankData.nullish(),
  creditData: CreditData.nullish(),
  createdAt: IsoDateString.nullish(),
  updatedAt: IsoDateString.nullish(),
});
export type Account = z.infer<typeof Account>;
