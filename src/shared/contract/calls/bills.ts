// Calls for faturas (credit card bills) and parcelas ahead: the Cartões screen, a fatura's rows, its CSV.
import { z } from 'zod';
import { Centavos } from '../../money';
import { call, NoInput } from '../define';
import { CsvVariant, MonthString, TransactionView } from './money';

// Amounts here are centavos owed on a fatura (positive: what the person has to pay), as a bill states them.

export const FaturaState = z.enum(['open', 'awaiting', 'paid', 'partial', 'unpaid']);
export type FaturaState = z.infer<typeof FaturaState>;

export const FinanceChargeView = z.object({
  type: z.string(),
  amount: Centavos,
  additionalInfo: z.string().nullable(),
});
export type FinanceChargeView = z.infer<typeof FinanceChargeView>;

export const BillPaymentView = z.object({
  valueType: z.string(),
  paymentDate: z.string(),
  paymentMode: z.string().nullable(),
  amount: Centavos,
});
export type BillPaymentView = z.infer<typeof BillPaymentView>;

/** `open:<YYYY-MM>` for the open fatura, the bill's id for a closed one. */
export const FaturaKey = z.string().min(1).max(200);

export const FaturaView = z.object({
  key: FaturaKey,
  billId: z.string().nullable(),
  /** `YYYY-MM` of its due date. */
  month: MonthString,
  closingDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  state: FaturaState,
  total: Centavos,
  paid: Centavos,
  minimumPayment: Centavos.nullable(),
  financeCharges: z.array(FinanceChargeView),
  payments: z.array(BillPaymentView),
  transactionCount: z.number().int(),
  daysToClosing: z.number().int().nullable(),
  daysToDue: z.number().int().nullable(),
});
export type FaturaView = z.infer<typeof FaturaView>;

export const MonthAmountView = z.object({ month: MonthString, cents: Centavos });
export type MonthAmountView = z.infer<typeof MonthAmountView>;

export const PurchaseAheadView = z.object({
  description: z.string(),
  purchaseDate: z.string().nullable(),
  totalInstallments: z.number().int(),
  totalAmount: Centavos.nullable(),
  current: z.number().int(),
  remaining: z.number().int(),
  remainingCents: Centavos,
  lastMonth: MonthString,
});
export type PurchaseAheadView = z.infer<typeof PurchaseAheadView>;

export const CardView = z.object({
  accountId: z.string(),
  connectionId: z.string(),
  bankName: z.string(),
  name: z.string(),
  numberMasked: z.string().nullable(),
  currencyCode: z.string(),
  open: FaturaView.nullable(),
  /** Newest first. */
  closed: z.array(FaturaView),
  ahead: z.array(MonthAmountView),
  purchases: z.array(PurchaseAheadView),
  /** When this card's bills were last read, and the last read's failure if it failed since. */
  billsReadAt: z.string().nullable(),
  billsErrorCode: z.string().nullable(),
});
export type CardView = z.infer<typeof CardView>;

const FaturaRef = z.object({ accountId: z.string().min(1).max(200), key: FaturaKey }).strict();

export const billCalls = {
  'bills.cards': call(NoInput, z.object({ cards: z.array(CardView), aheadTotal: z.array(MonthAmountView) })),
  'bills.transactions': call(FaturaRef, z.object({ rows: z.array(TransactionView) })),
  'bills.export': call(
    FaturaRef.extend({ csvVariant: CsvVariant.optional() }).strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), content: z.string(), rows: z.number().int() }),
  ),
};
