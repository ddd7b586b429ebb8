// Removes the client's own secrets (client secret, apiKeys, connect tokens) from any text it reports.
import { JWT_PATTERN } from '../logging/secret-keys';

/** Remembered secrets beyond the client secret; old apiKeys and connect tokens drop out first. */
const MAX_REMEMBERED = 64;
/** Shorter strings are not scrubbed by value (they would match ordinary words); JWTs are caught by pattern. */
const MIN_LENGTH = 8;

export interface SecretScrubber {
  add(secret: string): void;
  scrub(text: string): string;
}

export function createSecretScrubber(initial: string[] = []): SecretScrubber {
  const pinned = initial.filter((s) => s.length >= MIN_LENGTH);
  const recent: string[] = [];
  return {
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
  };
}
