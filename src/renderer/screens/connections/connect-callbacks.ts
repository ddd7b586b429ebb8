// What Connect reports (the sandbox's page by postMessage, or Pluggy's widget by callbacks), parsed before use.
import { z } from 'zod';

const ItemRef = z.object({ id: z.string().min(1) }).loose();

export const ConnectSuccess = z.object({ item: ItemRef }).loose();
export const ConnectError = z
  .object({ message: z.string().optional(), data: z.object({ item: ItemRef.optional() }).loose().optional() })
  .loose();

/** The sandbox Connect page's messages to its parent window when it is not a zoid child. */
export const SandboxPageMessage = z.object({
  source: z.literal('cofre-sandbox-connect'),
  callback: z.enum(['onSuccess', 'onError', 'onEvent', 'onClose']),
  payload: z.unknown(),
});

/** The demo page's URL with the token and options it reads from its query string. */
export function sandboxPageUrl(
  connectUrl: string,
  options: { accessToken: string; includeSandbox: boolean; updateItem?: string },
): string {
  const url = new URL(connectUrl);
  url.searchParams.set('connectToken', options.accessToken);
  url.searchParams.set('includeSandbox', String(options.includeSandbox));
  if (options.updateItem) url.searchParams.set('updateItem', options.updateItem);
  return url.toString();
}

/** Loopback Connect pages are the demo sandbox's; anything else is Pluggy's widget. */
export function isLocalConnectPage(connectUrl: string | null): connectUrl is string {
  if (!connectUrl) return false;
  try {
    const host = new URL(connectUrl).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    // Not a URL at all: the widget's own default is the safe choice.
    return false;
  }
}
