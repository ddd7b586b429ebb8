// Removes the client's own secrets (client secret, apiKeys, connect tokens) from any text it reports.
import { JWT_PATTERN, isSecretKey } from '../logging/secret-keys';

/** Remembered secrets beyond the client secret; old apiKeys and connect tokens drop out first. */
const MAX_REMEMBERED = 64;
/** Shorter strings are not scrubbed by value (they would match ordinary words); JWTs are caught by pattern. */
const MIN_LENGTH = 8;

export interface SecretScrubber {
  add(secret: string): void;
  scrub(text: string): string;
  /** A copy of a JSON value with strings scrubbed and values under secret-looking keys hidden. */
  scrubValue<T>(value: T): T;
}

export function createSecretScrubber(initial: string[] = []): SecretScrubber {
  const pinned = initial.filter((s) => s.length >= MIN_LENGTH);
  const recent: string[] = [];
  const scrubber: SecretScrubber = {
    add(secret) {
      if (secret.length < MIN_LENGTH || recent.includes(secret) || pinned.includes(secret)) return;
      recent.push(secret);
      if (recent.length > MAX_REMEMBERED) recent.shift();
    },
    scrub(text) {
      let out = text.replace(JWT_PATTERN, '[jwt]');
      for (const secret of [...pinned, ...recent]) out = out.split(secret).join('[redacted]');
      return out;
    },
    scrubValue<T>(value: T): T {
      return deepScrub(value, scrubber.scrub) as T;
    },
  };
  return scrubber;
}

function deepScrub(value: unknown, scrub: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 8) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => deepScrub(v, scrub, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = isSecretKey(key) ? '[redacted]' : deepScrub(v, scrub, depth + 1);
  }
  return out;
}
