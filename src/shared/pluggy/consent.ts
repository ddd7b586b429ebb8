// Consent (Open Finance): what the person allowed Pluggy to read from the bank, and until when.
import { z } from 'zod';
import { IsoDateString, Page } from './common';
import { ProductType, openEnum } from './enums';

/** Spec `Consent.openFinancePermissionsGranted` items (Open Finance Brasil permission groups). */
export const OPEN_FINANCE_PERMISSIONS = [
  'REGISTRATION_ALL',
  'REGISTRATION_IDENTIFICATIONS',
  'REGISTRATION_QUALIFICATIONS',
  'REGISTRATION_FINANCIAL_RELATIONS',
  'ACCOUNTS_ALL',
  'ACCOUNTS_LIST',
  'ACCOUNTS_BALANCES',
  'ACCOUNTS_LIMITS',
  'ACCOUNTS_TRANSACTIONS',
  'CREDIT_CARDS_ALL',
  'CREDIT_CARDS_LIST',
  'CREDIT_CARDS_LIMITS',
  'CREDIT_CARDS_TRANSACTIONS',
  'CREDIT_CARDS_BILLS',
  'CREDIT_OPERATIONS_ALL',
  'INVESTMENTS_ALL',
  'EXCHANGES_ALL',
] as const;
export const OpenFinancePermission = z.enum(OPEN_FINANCE_PERMISSIONS);
export type OpenFinancePermission = z.infer<typeof OpenFinancePermission>;

/**
 * Spec `Consent`: requires id, itemId, products and createdAt. Cofre needs only the two ids to keep it;
 * `expiresAt` is absent (or null, as the spec's own example sends `revokedAt`) when it does not expire.
 */
export const Consent = z.object({
  id: z.string().min(1).max(200),
  itemId: z.string().min(1).max(200),
  products: z.array(openEnum(ProductType)).nullish(),
  openFinancePermissionsGranted: z.array(openEnum(OpenFinancePermission)).nullish(),
  createdAt: IsoDateString.nullish(),
  expiresAt: IsoDateString.nullish(),
  revokedAt: IsoDateString.nullish(),
});
export type Consent = z.infer<typeof Consent>;

export const ConsentPage = Page(Consent);
export type ConsentPage = z.infer<typeof ConsentPage>;
