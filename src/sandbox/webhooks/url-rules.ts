// Pluggy's webhook URL rules (HTTPS, port 443, a domain name, no localhost), applied in strict mode only.
import { isIP } from 'node:net';

/** Returns a reason when the URL is refused, or null when accepted. */
export function webhookUrlProblem(raw: string, strict: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Invalid webhook url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Webhook url must use https';
  if (!strict) return null;
  if (url.protocol !== 'https:') return 'Webhook url must use https';
  if (url.port !== '' && url.port !== '443') return 'Webhook url must use the default https port';
  if (url.username || url.password) return 'Webhook url must not contain credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 || host === 'localhost' || !host.includes('.'))
    return 'Webhook url must point to a public domain';
  return null;
}
