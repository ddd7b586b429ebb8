// Transaction and the two page shapes: /v2/transactions `{results, next}` and legacy `{total,totalPages,page,results}`.
import { z } from 'zod';
import { IsoDateString } from './common';
import { TransactionStatus, TransactionType, openEnum } from './enums';

export const DocumentNumber = z.object({ type: z.string().nullish(), value: z.string() });

export const PaymentParticipant = z.object({
  documentNumber: DocumentNumber.nullish(),
  name: z.string().nullish(),
  accountNumber: z.string().nullish(),
  branchNumber: z.string().nullish(),
  routingNumber: z.string().nullish(),
  routingNumberISPB: z.string().nullish(),
});
export type PaymentParticipant = z.infer<typeof PaymentParticipant>;

export const BoletoMetadata = z.object({
  digitableLine: z.string().nullish(),
  barcode: z.string().nullish(),
  baseAmount: z.number().nullish(),
  penaltyAmount: z.number().nullish(),
  interestAmount: z.number().nullish(),
  discountAmount: z.number().nullish(),
});
export type BoletoMetadata = z.infer<typeof BoletoMetadata>;

export const PaymentData = z.object({
  payer: PaymentParticipant.nullish(),
  receiver: PaymentParticipant.nullish(),
  receiverReferenceId: z.string().nullish(),
  /** PIX, TED, DOC, BOLETO, … */
  paymentMethod: z.string().nullish(),
  referenceNumber: z.string().nullish(),
  reason: z.string().nullish(),
  boletoMetadata: BoletoMetadata.nullish(),
});
export type PaymentData = z.infer<typeof PaymentData>;

export const CreditCardMetadata = z.object({
  installmentNumber: z.number().int().nullish(),
  totalInstallments: z.number().int().nullish(),
  totalAmount: z.number().nullish(),
  /** A string in the spec, a number in real Itaú data: both read, as given. */
  payeeMCC: z.union([z.string(), z.number()]).nullish(),
  purchaseDate: IsoDateString.nullish(),
  billId: z.string().nullish(),
  cardNumber: z.string().nullish(),
  feeType: z.string().nullish(),
  feeTypeAdditionalInfo: z.string().nullish(),
  otherCreditsType: z.string().nullish(),
  otherCreditsAdditionalInfo: z.string().nullish(),
  /** `YYYY-MM`. */
  billForecastDate: z.string().nullish(),
});
export type CreditCardMetadata = z.infer<typeof CreditCardMetadata>;

export const Merchant = z.object({
  name: z.string().nullish(),
  businessName: z.string().nullish(),
  cnpj: z.string().nullish(),
  cnae: z.string().nullish(),
  category: z.string().nullish(),
});
export type Merchant = z.infer<typeof Merchant>;

export const Transaction = z.object({
  id: z.string(),
  accountId: z.string(),
  /** Posted date, ISO-8601 UTC. */
  date: IsoDateString,
  description: z.string(),
  descriptionRaw: z.string().nullish(),
  /**
   * DEBIT = outflow, CREDIT = inflow; always read together with the sign of `amount`. Not required by the
   * spec: when absent, `transactionType` derives it from the sign and the account's type.
   */
  type: openEnum(TransactionType).nullish(),
  amount: z.number(),
  amountInAccountCurrency: z.number().nullish(),
  balance: z.number().nullish(),
  currencyCode: z.string().nullish(),
  category: z.string().nullish(),
  categoryId: z.string().nullish(),
  /** Absent means POSTED. */
  status: openEnum(TransactionStatus).nullish(),
  providerCode: z.string().nullish(),
  providerId: z.string().nullish(),
  operationType: z.string().nullish(),
  operationTypeAdditionalInfo: z.string().nullish(),
  paymentData: PaymentData.nullish(),
  creditCardMetadata: CreditCardMetadata.nullish(),
  merchant: Merchant.nullish(),
  /** When Pluggy ingested it (the `createdAtFrom` watermark compares against this). */
  createdAt: IsoDateString.nullish(),
  updatedAt: IsoDateString.nullish(),
});
export type Transaction = z.infer<typeof Transaction>;

/** GET /v2/transactions: `next` is a ready-made link for the following page, `null` on the last one. */
export const TransactionPage = z.object({
  results: z.array(Transaction),
  next: z.string().nullish(),
});
export type TransactionPage = z.infer<typeof TransactionPage>;

/** Deprecated GET /transactions (answers 410 ENDPOINT_DEPRECATED for many applications). */
export const LegacyTransactionPage = z.object({
  total: z.number().int(),
  totalPages: z.number().int(),
  page: z.number().int(),
  results: z.array(Transaction),
});
export type LegacyTransactionPage = z.infer<typeof LegacyTransactionPage>;

export const UpdateTransactionRequest = z.object({ categoryId: z.string() });
export type UpdateTransactionRequest = z.infer<typeof UpdateTransactionRequest>;

/**
 * The direction of a transaction that came without `type`: on a card (account type CREDIT) purchases arrive
 * positive and payments negative; on a deposit account money out is negative.
 */
export function deriveTransactionType(
  amount: number,
  accountType: string | null | undefined,
): TransactionType {
  if (accountType === 'CREDIT') return amount > 0 ? 'DEBIT' : 'CREDIT';
  return amount < 0 ? 'DEBIT' : 'CREDIT';
}
