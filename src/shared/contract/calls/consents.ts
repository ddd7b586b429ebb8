// Calls about an Open Finance link's consent (the consent centre) and the bank's own health beside the link's.
import { z } from 'zod';
import { call } from '../define';
import { ItemId } from './connections';

export const ConsentState = z.enum(['valid', 'expiring', 'expiring_soon', 'expired', 'revoked', 'no_expiry']);
export type ConsentState = z.infer<typeof ConsentState>;

export const ConsentView = z.object({
  itemId: z.string(),
  /** Pluggy's consent id; null when only the item's `consentExpiresAt` is known (not read yet). */
  consentId: z.string().nullable(),
  state: ConsentState,
  /** Whole days until it lapses (0 once lapsed); null without an expiry. */
  daysLeft: z.number().int().nonnegative().nullable(),
  /** Products Pluggy names in the consent (ACCOUNTS, CREDIT_CARDS, …). */
  products: z.array(z.string()),
  /** Open Finance permission groups granted (ACCOUNTS_ALL, CREDIT_CARDS_BILLS, …). */
  permissions: z.array(z.string()),
  grantedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** When Cofre last read it from Pluggy. */
  readAt: z.string().nullable(),
  /** Earlier consents of the same link (renewed or revoked), newest first. */
  history: z
    .array(
      z.object({
        consentId: z.string(),
        grantedAt: z.string().nullable(),
        expiresAt: z.string().nullable(),
        revokedAt: z.string().nullable(),
      }),
    )
    .max(100),
});
export type ConsentView = z.infer<typeof ConsentView>;

export const consentCalls = {
  /** The consent of every Open Finance link (or of one), as last read from Pluggy. */
  'consents.list': call(z.object({ itemId: ItemId.optional() }).strict(), z.array(ConsentView)),
};
