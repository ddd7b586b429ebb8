// Loan (GET /loans, /loans/{id}): contract, rates, installments and payments, as Open Finance Brasil shapes them.
import { z } from 'zod';
import { IsoDateString } from './common';
import { openEnum } from './enums';
import type { UnknownValue } from './unknown-values';

export const LoanKind = z.enum(['LOAN', 'FINANCING', 'INVOICE_FINANCING', 'UNARRANGED_ACCOUNT_OVERDRAFT']);
export type LoanKind = z.infer<typeof LoanKind>;

export const LoanInstallmentPeriodicity = z.enum([
  'WITHOUT_REGULAR_PERIODICITY',
  'WEEKLY',
  'FORTNIGHTLY',
  'MONTHLY',
  'BIMONTHLY',
  'QUARTERLY',
  'SEMESTERLY',
  'YEARLY',
  'OTHERS',
]);
export type LoanInstallmentPeriodicity = z.infer<typeof LoanInstallmentPeriodicity>;

export const LoanAmortization = z.enum(['SAC', 'PRICE', 'SAM', 'WITHOUT_AMORTIZATION_SYSTEM', 'OTHERS']);

export const LoanTermType = z.enum([
  'DAY',
  'WEEK',
  'MONTH',
  'YEAR',
  'WITHOUT_TOTAL_PERIOD',
  'WITHOUT_REMAINING_PERIOD',
]);

const amount = z.number().nullish();
const text = z.string().nullish();

export const LoanInterestRate = z.object({
  /** The spec lists NOMINAL/EFFECTIVE; its own example (and Open Finance Brasil) says EFETIVA. */
  taxType: openEnum(z.enum(['NOMINAL', 'EFFECTIVE'])).nullish(),
  interestRateType: openEnum(z.enum(['SIMPLE', 'COMPOUND'])).nullish(),
  taxPeriodicity: openEnum(z.enum(['MONTHLY', 'YEARLY'])).nullish(),
  calculation: text,
  referentialRateIndexerType: text,
  referentialRateIndexerSubType: text,
  referentialRateIndexerAdditionalInfo: text,
  /** 1 = 100%. */
  preFixedRate: amount,
  postFixedRate: amount,
  additionalInfo: text,
});
export type LoanInterestRate = z.infer<typeof LoanInterestRate>;

export const LoanContractedFee = z.object({
  name: text,
  code: text,
  chargeType: openEnum(z.enum(['UNIQUE', 'BY_INSTALLMENT'])).nullish(),
  charge: openEnum(z.enum(['MINIMUM', 'MAXIMUM', 'FIXED', 'PERCENTAGE'])).nullish(),
  amount,
  rate: amount,
});

export const LoanContractedFinanceCharge = z.object({
  type: text,
  additionalInfo: text,
  chargeAdditionalInfo: text,
  rate: amount,
  chargeRate: amount,
});

export const LoanWarranty = z.object({ currencyCode: text, type: text, subtype: text, amount });

export const LoanInstallments = z.object({
  typeNumberOfInstallments: openEnum(LoanTermType).nullish(),
  totalNumberOfInstallments: amount,
  typeContractRemaining: openEnum(LoanTermType).nullish(),
  contractRemainingNumber: amount,
  paidInstallments: amount,
  dueInstallments: amount,
  pastDueInstallments: amount,
  balloonPayments: z
    .array(
      z.object({
        dueDate: IsoDateString.nullish(),
        amount: z.object({ value: amount, currencyCode: text }).nullish(),
      }),
    )
    .nullish(),
});
export type LoanInstallments = z.infer<typeof LoanInstallments>;

export const LoanPaymentRelease = z.object({
  isOverParcelPayment: z.boolean().nullish(),
  installmentId: text,
  paidDate: IsoDateString.nullish(),
  currencyCode: text,
  paidAmount: amount,
  overParcel: z
    .object({
      fees: z.array(z.object({ name: text, code: text, amount })).nullish(),
      charges: z.array(z.object({ type: text, additionalInfo: text, amount })).nullish(),
    })
    .nullish(),
});

export const LoanPayments = z.object({
  /** What it takes to settle the debt today, currency units. */
  contractOutstandingBalance: amount,
  releases: z.array(LoanPaymentRelease).nullish(),
});

export const Loan = z.object({
  id: z.string().min(1),
  itemId: z.string().nullish(),
  contractNumber: text,
  ipocCode: text,
  productName: text,
  /** Open Finance Brasil's product subtype (e.g. CREDITO_PESSOAL_COM_CONSIGNACAO), a free list. */
  type: text,
  /** Required by the spec, yet absent from its own example: read as unknown when missing. */
  kind: openEnum(LoanKind).nullish(),
  date: IsoDateString.nullish(),
  contractDate: IsoDateString.nullish(),
  disbursementDates: z.array(z.string()).nullish(),
  settlementDate: IsoDateString.nullish(),
  contractAmount: amount,
  currencyCode: text,
  dueDate: IsoDateString.nullish(),
  installmentPeriodicity: openEnum(LoanInstallmentPeriodicity).nullish(),
  installmentPeriodicityAdditionalInfo: text,
  firstInstallmentDueDate: IsoDateString.nullish(),
  /** Custo Efetivo Total, an annual rate (0.29 = 29%). */
  CET: amount,
  amortizationScheduled: openEnum(LoanAmortization).nullish(),
  amortizationScheduledAdditionalInfo: text,
  cnpjConsignee: text,
  interestRates: z.array(LoanInterestRate).nullish(),
  contractedFees: z.array(LoanContractedFee).nullish(),
  contractedFinanceCharges: z.array(LoanContractedFinanceCharge).nullish(),
  warranties: z.array(LoanWarranty).nullish(),
  installments: LoanInstallments.nullish(),
  payments: LoanPayments.nullish(),
});
export type Loan = z.infer<typeof Loan>;

export function unknownLoanValues(loan: {
  kind?: string | null;
  installmentPeriodicity?: string | null;
}): UnknownValue[] {
  const out: UnknownValue[] = [];
  if (typeof loan.kind === 'string' && !(LoanKind.options as readonly string[]).includes(loan.kind))
    out.push({ field: 'loan.kind', value: loan.kind });
  const p = loan.installmentPeriodicity;
  if (typeof p === 'string' && !(LoanInstallmentPeriodicity.options as readonly string[]).includes(p))
    out.push({ field: 'loan.installmentPeriodicity', value: p });
  return out;
}
