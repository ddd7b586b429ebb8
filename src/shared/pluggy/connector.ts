// Connector (institution) and ConnectorCredential (a login field or an MFA prompt).
import { z } from 'zod';
import { IsoDateString } from './common';
import { ConnectorHealthStatus, ConnectorType, CredentialType, ProductType, openEnum } from './enums';

export const CredentialOption = z.object({ value: z.string(), label: z.string() });

export const ConnectorCredential = z.object({
  name: z.string(),
  label: z.string(),
  type: openEnum(CredentialType).nullish(),
  mfa: z.boolean().nullish(),
  /** Base64 image for QR prompts. */
  data: z.string().nullish(),
  assistiveText: z.string().nullish(),
  options: z.array(CredentialOption).nullish(),
  /** A regular expression the value must match. */
  validation: z.string().nullish(),
  validationMessage: z.string().nullish(),
  placeholder: z.string().nullish(),
  optional: z.boolean().nullish(),
  instructions: z.string().nullish(),
  expiresAt: IsoDateString.nullish(),
});
export type ConnectorCredential = z.infer<typeof ConnectorCredential>;

/** Spec `ConnectorHealth`: no field required; `details` only with `healthDetails=true`, null when Pluggy failed. */
export const ConnectorHealth = z.object({
  status: openEnum(ConnectorHealthStatus).nullish(),
  stage: z.string().nullish(),
  details: z
    .object({
      connectionRateLast6Hours: z.number().nullish(),
      connectionsLast6Hours: z.number().nullish(),
      error: z.unknown().optional(),
    })
    .nullish(),
});
export type ConnectorHealth = z.infer<typeof ConnectorHealth>;

export const Connector = z.object({
  id: z.number().int(),
  name: z.string(),
  institutionUrl: z.string().nullish(),
  imageUrl: z.string().nullish(),
  /** Hex without `#`, e.g. `ef294b`. */
  primaryColor: z.string().nullish(),
  // The spec requires only `id`; Cofre needs the name to show the bank, the rest may be absent.
  type: openEnum(ConnectorType).nullish(),
  country: z.string().nullish(),
  credentials: z.array(ConnectorCredential).nullish(),
  hasMFA: z.boolean().nullish(),
  oauth: z.boolean().nullish(),
  oauthUrl: z.string().nullish(),
  health: ConnectorHealth.nullish(),
  isOpenFinance: z.boolean().nullish(),
  isSandbox: z.boolean().nullish(),
  supportsPaymentInitiation: z.boolean().nullish(),
  supportsScheduledPayments: z.boolean().nullish(),
  supportsSmartTransfers: z.boolean().nullish(),
  supportsAutomaticPix: z.boolean().nullish(),
  supportsBoletoManagement: z.boolean().nullish(),
  resetPasswordUrl: z.string().nullish(),
  products: z.array(openEnum(ProductType)).nullish(),
  createdAt: IsoDateString.nullish(),
  updatedAt: IsoDateString.nullish(),
});
export type Connector = z.infer<typeof Connector>;

export const ConnectorFilters = z.object({
  name: z.string().optional(),
  countries: z.array(z.string()).optional(),
  types: z.array(z.string()).optional(),
  sandbox: z.boolean().optional(),
  isOpenFinance: z.boolean().optional(),
  supportsPaymentInitiation: z.boolean().optional(),
});
export type ConnectorFilters = z.infer<typeof ConnectorFilters>;
