// Item (one bank link) and the bodies of POST/PATCH /items, POST /items/{id}/mfa and DELETE /items/{id}.
import { z } from 'zod';
import { IsoDateString } from './common';
import { Connector, ConnectorCredential } from './connector';
import { ExecutionErrorCode, ExecutionStatus, ItemStatus, ProductType, openEnum } from './enums';

export const ItemError = z.object({
  code: openEnum(ExecutionErrorCode),
  message: z.string(),
  providerMessage: z.string().nullish(),
  attributes: z.record(z.string(), z.unknown()).nullish(),
});
export type ItemError = z.infer<typeof ItemError>;

export const ProductWarning = z.object({
  code: z.string(),
  message: z.string(),
  providerMessage: z.string().nullish(),
});

/** Spec `StatusDetailProduct`: every field optional (real items send `{}` or only `isUpdated`). */
export const ProductStatus = z.object({
  isUpdated: z.boolean().nullish(),
  lastUpdatedAt: IsoDateString.nullish(),
  warnings: z.array(ProductWarning).nullish(),
});
export type ProductStatus = z.infer<typeof ProductStatus>;

/**
 * Spec `StatusDetail`: any subset of the products, under the spec's keys (`investmentsTransactions`, plural).
 * A product key Pluggy adds later is kept as sent, never rejected.
 */
export const ItemProductsStatusDetail = z
  .object({
    accounts: ProductStatus.nullish(),
    creditCards: ProductStatus.nullish(),
    transactions: ProductStatus.nullish(),
    investments: ProductStatus.nullish(),
    investmentsTransactions: ProductStatus.nullish(),
    identity: ProductStatus.nullish(),
    paymentData: ProductStatus.nullish(),
    loans: ProductStatus.nullish(),
    accountStatements: ProductStatus.nullish(),
  })
  .catchall(z.unknown());
export type ItemProductsStatusDetail = z.infer<typeof ItemProductsStatusDetail>;

/** Spec `ConnectorUserAction` requires only `instructions`; pluggy-sdk types `type` as 'qr' | 'authorize-access'. */
export const UserAction = z.object({
  instructions: z.string(),
  type: z.string().nullish(),
  attributes: z.record(z.string(), z.unknown()).nullish(),
  expiresAt: IsoDateString.nullish(),
});
export type UserAction = z.infer<typeof UserAction>;

export const Item = z.object({
  id: z.string(),
  connector: Connector,
  status: openEnum(ItemStatus),
  executionStatus: openEnum(ExecutionStatus),
  error: ItemError.nullish(),
  statusDetail: ItemProductsStatusDetail.nullish(),
  /** The MFA prompt while WAITING_USER_INPUT. */
  parameter: ConnectorCredential.nullish(),
  userAction: UserAction.nullish(),
  webhookUrl: z.string().nullish(),
  clientUserId: z.string().nullish(),
  consecutiveFailedLoginAttempts: z.number().int().nullish(),
  createdAt: IsoDateString,
  updatedAt: IsoDateString,
  /** Last successful sync with the institution. */
  lastUpdatedAt: IsoDateString.nullish(),
  nextAutoSyncAt: IsoDateString.nullish(),
  consentExpiresAt: IsoDateString.nullish(),
  autoSyncDisabledAt: IsoDateString.nullish(),
  products: z.array(openEnum(ProductType)).nullish(),
  oauthRedirectUri: z.string().nullish(),
});
export type Item = z.infer<typeof Item>;

export const CreateItemRequest = z.object({
  connectorId: z.number().int(),
  parameters: z.record(z.string(), z.string()),
  webhookUrl: z.string().nullish(),
  clientUserId: z.string().nullish(),
  products: z.array(z.string()).nullish(),
  avoidDuplicates: z.boolean().nullish(),
  oauthRedirectUri: z.string().nullish(),
});
export type CreateItemRequest = z.infer<typeof CreateItemRequest>;

/** An empty body re-syncs with the stored credentials. The Node SDK also echoes `id`. */
export const UpdateItemRequest = z.object({
  id: z.string().optional(),
  parameters: z.record(z.string(), z.string()).nullish(),
  webhookUrl: z.string().nullish(),
  clientUserId: z.string().nullish(),
  products: z.array(z.string()).nullish(),
});
export type UpdateItemRequest = z.infer<typeof UpdateItemRequest>;

/** `{ "<parameter.name>": "<value>" }`, e.g. `{ "token": "123456" }`. */
export const ItemMfaRequest = z.record(z.string(), z.string());
export type ItemMfaRequest = z.infer<typeof ItemMfaRequest>;

export const DeleteItemResponse = z.object({ count: z.number().int().nullish() });
export type DeleteItemResponse = z.infer<typeof DeleteItemResponse>;
