// Banks' logos kept in the encrypted DB: each connector image is fetched once, then shown as a data: URL.
//
// Why: the renderer must never load a remote image (it would tell a CDN which banks the person uses, on
// every view, and show nothing offline), so its CSP allows only 'self' and data: images. The first view
// of a link starts one background fetch through the Pluggy client's HTTP stack; when it lands the cards
// are told to reload, and from then on the logo comes from the DB.
import type { AppMode } from '../../shared/contract';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import { cacheGet, cacheSet } from '../store/cache';
import type { Db } from '../store/db';

/** A logo rarely changes while its URL stays the same (Pluggy names the file after the connector). */
const KEPT_MS = 365 * 86_400_000;
/** After a failed fetch (offline, 404) the initial stands in; no new attempt on every view. */
const RETRY_AFTER_MS = 6 * 3_600_000;
/** Larger than any bank logo; a bigger answer is not a logo. */
export const MAX_LOGO_BYTES = 256 * 1024;

type Stored = { dataUrl: string } | { failed: true };

export interface BankLogosDeps {
  db: Db;
  mode: AppMode;
  /** The bytes at the URL (the Pluggy client's `connectorImage`). */
  fetchImage(url: string): Promise<Buffer>;
  events: EventBus;
  logger: Logger;
  now(): number;
}

export interface BankLogos {
  /** The logo as a data: URL when it is kept; otherwise null, and a first fetch starts in the background. */
  dataUrl(imageUrl: string | null): string | null;
  /** Resolves once no fetch is running (tests, shutdown). */
  idle(): Promise<void>;
  close(): void;
}

const key = (url: string) => `bank-logo:${url}`;

/** Only URLs Cofre may fetch in this mode: Pluggy's https files live, the sandbox's loopback ones in demo. */
export function fetchableLogoUrl(imageUrl: string | null, mode: AppMode): string | null {
  if (!imageUrl) return null;
  let url: URL;
  try {
    url = new URL(imageUrl);
  } catch {
    return null;
  }
  if (mode === 'live') return url.protocol === 'https:' ? url.href : null;
  const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
  return loopback && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
}

/** The image type the bytes themselves show (a server's Content-Type is not trusted); null = not an image. */
export function sniffImageType(bytes: Buffer): string | null {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  const head = bytes
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<') && /<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}

export function createBankLogos(deps: BankLogosDeps): BankLogos {
  const running = new Map<string, Promise<void>>();
  let closed = false;

  async function fetchOnce(url: string): Promise<void> {
    let stored: Stored;
    try {
      const bytes = await deps.fetchImage(url);
      const type = bytes.length <= MAX_LOGO_BYTES ? sniffImageType(bytes) : null;
      if (type === null) {
        deps.logger.warn(
          { url, bytes: bytes.length },
          'a connector image is not a logo; its initial stands in',
        );
        stored = { failed: true };
      } else {
        stored = { dataUrl: `data:${type};base64,${bytes.toString('base64')}` };
      }
    } catch (err) {
      deps.logger.warn({ url, err }, 'a connector image could not be fetched; its initial stands in');
      stored = { failed: true };
    }
    if (closed) return;
    cacheSet(deps.db, key(url), stored, 'failed' in stored ? RETRY_AFTER_MS : KEPT_MS, deps.now());
    if ('dataUrl' in stored) {
      deps.events.emit('connections.changed', { itemId: null, at: new Date(deps.now()).toISOString() });
    }
  }

  return {
    dataUrl(imageUrl) {
      const url = fetchableLogoUrl(imageUrl, deps.mode);
      if (url === null) return null;
      const kept = cacheGet<Stored>(deps.db, key(url), deps.now());
      if (kept) return 'dataUrl' in kept.value ? kept.value.dataUrl : null;
      if (!closed && !running.has(url)) {
        const work = fetchOnce(url)
          .catch((err: unknown) => deps.logger.error({ url, err }, 'a connector logo could not be kept'))
          .finally(() => running.delete(url));
        running.set(url, work);
      }
      return null;
    },
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
    close() {
      closed = true;
    },
  };
}
