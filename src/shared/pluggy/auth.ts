// POST /auth and POST /connect_token request and response shapes.
import { z } from 'zod';

export const AuthRequest = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  nonExpiring: z.boolean().optional(),
});
export type AuthRequest = z.infer<typeof AuthRequest>;

export const AuthResponse = z.object({ apiKey: z.string().min(1) });
export type AuthResponse = z.infer<typeof AuthResponse>;

export const ConnectTokenOptions = z.object({
  clientUserId: z.string().optional(),
  webhookUrl: z.string().optional(),
  oauthRedirectUri: z.string().optional(),
  avoidDuplicates: z.boolean().optional(),
  connectorSortAlphabetically: z.boolean().optional(),
});
export type ConnectTokenOptions = z.infer<typeof ConnectTokenOptions>;

export const ConnectTokenRequest = z.object({
  itemId: z.string().optional(),
  options: ConnectTokenOptions.optional(),
});
export type ConnectTokenRequest = z.infer<typeof ConnectTokenRequest>;

/** The key is `accessToken` (a JWT carrying `clientId`), not `connectToken`. */
export const ConnectTokenResponse = z.object({ accessToken: z.string().min(1) });
export type ConnectTokenResponse = z.infer<typeof ConnectTokenResponse>;
