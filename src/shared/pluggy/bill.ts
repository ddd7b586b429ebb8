// Credit card bills (faturas) as GET /bills?accountId= and GET /bills/{id} return them.
import { z } from 'zod';
import { IsoDateString } from './common';
import { openEnum } from './enums';

export const BILL_FINANCE_CHARGE_TYPES = [
  'LATE_PAYMENT_REMUNERATIVE_INTEREST',
  'LATE_PAYMENT_FEE',
  'LATE_PAYMENT_INTEREST',
  'IOF',
  'OTHER',
] as const;
export const BillFinanceChargeType = z.enum(BILL_FINANCE_CHARGE_TYPES);
export type BillFinanceChargeType = z.infer<typeof BillFinanceChargeType>;

export const BILL_PAYMENT_VALUE_TYPES = ['INSTALLMENT_PAYMENT', 'FULL_PAYMENT', 'OTHER_PAYMENT'] as const;
export const BillPaymentValueType = z.enum(BILL_PAYMENT_VALUE_TYPES);
export type BillPaymentValueType = z.infer<typeof BillPaymentValueType>;

export const BILL_PAYMENT_MODES = ['DEBIT_ACCOUNT', 'BANK_SLIP', 'PAYROLL_DEDUCTION', 'PIX'] as const;
export const BillPaymentMode = z.enum(BILL_PAYMENT_MODES);
export type BillPaymentMode = z.infer<typeof BillPaymentMode>;

export const BillFinanceCharge = z.object({
  /** Required by the spec, yet its own list example leaves it out: an absent id reads as null. */
  id: z.string().nullish(),
  creditCardBillId: z.string().nullish(),
  type: openEnum(BillFinanceChargeType),
  /** Currency units, as the bill's total. */
  amount: z.number(),
  currencyCode: z.string().nullish(),
  /** Free text; mandatory for OTHER. */
  additionalInfo: z.string().nullish(),
});
export type BillFinanceCharge = z.infer<typeof BillFinanceCharge>;

export const BillPayment = z.object({
  id: z.string().nullish(),
  valueType: openEnum(BillPaymentValueType),
  paymentDate: IsoDateString,
  paymentMode: openEnum(BillPaymentMode).nullish(),
  amount: z.number(),
  currencyCode: z.string().nullish(),
});
export type BillPayment = z.infer<typeof BillPayment>;

export const Bill = z.object({
  id: z.string(),
  /** Required by the spec but missing from its list example: the list was asked for one account anyway. */
  accountId: z.string().nullish(),
  dueDate: IsoDateString,
  /** Null or absent while the bill has not closed. */
  billClosingDate: IsoDateString.nullish(),
  totalAmount: z.number(),
  totalAmountCurrencyCode: z.string().nullish(),
  minimumPaymentAmount: z.number().nullish(),
  allowsInstallments: z.boolean().nullish(),
  /** Required by the spec; its examples omit `payments`, so an absent list reads as empty. */
  financeCharges: z
    .array(BillFinanceCharge)
    .nullish()
    .transform((v) => v ?? []),
  payments: z
    .array(BillPayment)
    .nullish()
    .transform((v) => v ?? []),
});
export type Bill = z.infer<typeof Bill>;
