// What Connect reports (the sandbox's page by postMessage, or Pluggy's widget by callbacks), parsed before use.
import { z } from 'zod';

const ItemRef = z.object({ id: z.string().min(1) }).loose();

export const ConnectSuccess = z.object({ item: ItemRef }).loose();
export const ConnectError = z
  .object({ message: z.string().optional(), data: z.object({ item: ItemRef.optional() }).loose().optional() })
  .loose();

/** Connect's progress events; those about an item carry it. */
export const ConnectEvent = z.object({ event: z.string().optional(), item: ItemRef.optional() }).loose();

/** The sandbox Connect page's messages to its parent window when it is not a zoid child. */
export const SandboxPageMessage = z.object({
  source: z.literal('cofre-sandbox-connect'),
  callback: z.enum(['onSuccess', 'onError', 'onEvent', 'onClose']),
  payload: z.unknown(),
});
