// Enumerations of the Pluggy API (SDK 0.90.0 lists), plus `openEnum` for sets the API may grow.
import { z } from 'zod';

/**
 * Accepts the known values and any other string, so a value Pluggy adds later never rejects a payload.
 * The inferred type keeps the known literals for autocompletion; narrow with `Enum.safeParse`.
 */
export function openEnum<E extends z.ZodEnum>(known: E): z.ZodType<z.infer<E> | (string & {})> {
  return z.union([known, z.string()]) as unknown as z.ZodType<z.infer<E> | (string & {})>;
}

export const ITEM_STATUSES = [
  'UPDATED',
  'UPDATING',
  'WAITING_USER_INPUT',
  'WAITING_USER_ACTION',
  'MERGING',
  'LOGIN_ERROR',
  'OUTDATED',
] as const;
export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const EXECUTION_ERROR_CODES = [
  'INVALID_CREDENTIALS',
  'ALREADY_LOGGED_IN',
  'UNEXPECTED_ERROR',
  'INVALID_CREDENTIALS_MFA',
  'SITE_NOT_AVAILABLE',
  'ACCOUNT_LOCKED',
  'ACCOUNT_CREDENTIALS_RESET',
  'CONNECTION_ERROR',
  'ACCOUNT_NEEDS_ACTION',
  'USER_AUTHORIZATION_PENDING',
  'USER_AUTHORIZATION_NOT_GRANTED',
  'USER_NOT_SUPPORTED',
  'USER_INPUT_TIMEOUT',
] as const;
export const ExecutionErrorCode = z.enum(EXECUTION_ERROR_CODES);
export type ExecutionErrorCode = z.infer<typeof ExecutionErrorCode>;

export const EXECUTION_IN_PROGRESS_STATUSES = [
  'CREATING',
  'CREATE_ERROR',
  'CREATED',
  'LOGIN_IN_PROGRESS',
  'WAITING_USER_INPUT',
  'WAITING_USER_ACTION',
  'LOGIN_MFA_IN_PROGRESS',
  'ACCOUNTS_IN_PROGRESS',
  'TRANSACTIONS_IN_PROGRESS',
  'PAYMENT_DATA_IN_PROGRESS',
  'CREDITCARDS_IN_PROGRESS',
  'INVESTMENTS_IN_PROGRESS',
  'INVESTMENTS_TRANSACTIONS_IN_PROGRESS',
  'IDENTITY_IN_PROGRESS',
  'LOANS_IN_PROGRESS',
  'ACCOUNT_STATEMENTS_IN_PROGRESS',
] as const;

export const EXECUTION_FINISHED_STATUSES = [
  'SUCCESS',
  'PARTIAL_SUCCESS',
  'ERROR',
  'MERGE_ERROR',
  ...EXECUTION_ERROR_CODES,
] as const;

export const EXECUTION_STATUSES = [
  ...EXECUTION_IN_PROGRESS_STATUSES,
  ...EXECUTION_FINISHED_STATUSES,
] as const;
export const ExecutionStatus = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof ExecutionStatus>;

export const CONNECTOR_TYPES = [
  'PERSONAL_BANK',
  'BUSINESS_BANK',
  'INVOICE',
  'INVESTMENT',
  'TELECOMMUNICATION',
  'DIGITAL_ECONOMY',
  'PAYMENT_ACCOUNT',
  'OTHER',
] as const;
export const ConnectorType = z.enum(CONNECTOR_TYPES);
export type ConnectorType = z.infer<typeof ConnectorType>;

export const PRODUCT_TYPES = [
  'ACCOUNTS',
  'CREDIT_CARDS',
  'TRANSACTIONS',
  'PAYMENT_DATA',
  'INVESTMENTS',
  'INVESTMENTS_TRANSACTIONS',
  'IDENTITY',
  'BROKERAGE_NOTE',
  'MOVE_SECURITY',
  'LOANS',
  'ACCOUNT_STATEMENTS',
] as const;
export const ProductType = z.enum(PRODUCT_TYPES);
export type ProductType = z.infer<typeof ProductType>;

export const ConnectorHealthStatus = z.enum(['ONLINE', 'OFFLINE', 'UNSTABLE']);
export type ConnectorHealthStatus = z.infer<typeof ConnectorHealthStatus>;

/** SDK list; the docs' own MFA example uses `string`, which is why fields use `openEnum`. */
export const CredentialType = z.enum([
  'number',
  'password',
  'text',
  'image',
  'select',
  'ethaddress',
  'hcaptcha',
]);
export type CredentialType = z.infer<typeof CredentialType>;

export const AccountType = z.enum(['BANK', 'CREDIT']);
export type AccountType = z.infer<typeof AccountType>;

export const AccountSubtype = z.enum(['SAVINGS_ACCOUNT', 'CHECKING_ACCOUNT', 'CREDIT_CARD']);
export type AccountSubtype = z.infer<typeof AccountSubtype>;

export const TransactionType = z.enum(['DEBIT', 'CREDIT']);
export type TransactionType = z.infer<typeof TransactionType>;

export const TransactionStatus = z.enum(['POSTED', 'PENDING']);
export type TransactionStatus = z.infer<typeof TransactionStatus>;

export const TriggeredBy = z.enum(['USER', 'CLIENT', 'SYNC', 'INTERNAL']);
export type TriggeredBy = z.infer<typeof TriggeredBy>;

export const DATA_WEBHOOK_EVENTS = [
  'item/created',
  'item/updated',
  'item/error',
  'item/deleted',
  'item/waiting_user_input',
  'item/waiting_user_action',
  'item/login_succeeded',
  'connector/status_updated',
  'transactions/created',
  'transactions/updated',
  'transactions/deleted',
] as const;

export const PAYMENT_WEBHOOK_EVENTS = [
  'payment_intent/created',
  'payment_intent/completed',
  'payment_intent/waiting_payer_authorization',
  'payment_intent/error',
  'scheduled_payment/created',
  'scheduled_payment/completed',
  'scheduled_payment/error',
  'scheduled_payment/canceled',
  'scheduled_payment/all_completed',
  'scheduled_payment/all_created',
  'boleto/updated',
  'automatic_pix_payment/created',
  'automatic_pix_payment/completed',
  'automatic_pix_payment/error',
  'automatic_pix_payment/canceled',
  'payment_request/updated',
  'smart_transfer_preauthorization/completed',
  'smart_transfer_preauthorization/error',
  'smart_transfer_payment/completed',
  'smart_transfer_payment/error',
] as const;

/** Event names a webhook can subscribe to (`all` = every event). */
export const WebhookEventName = z.enum([...DATA_WEBHOOK_EVENTS, 'all', ...PAYMENT_WEBHOOK_EVENTS]);
export type WebhookEventName = z.infer<typeof WebhookEventName>;
