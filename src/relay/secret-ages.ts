// Webhook-secret rotation: when the relay first saw each configured secret (by hash), and a warning past 90 days.
import { createHash } from 'node:crypto';
import type { SecretAge } from '../shared/relay/wire';
import type { Logger } from './logger';
import type { RelayStore } from './store/types';

/** Rotate a webhook secret at least this often (the seed's Security Best Practices). */
export const ROTATE_AFTER_DAYS = 90;
const DAY_MS = 86_400_000;

/** What the store keeps instead of a secret: a domain-separated SHA-256, so it matches no other hash. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(`cofre-relay-webhook-secret:${secret}`, 'utf8').digest('hex');
}

export interface SecretAges {
  /** Records first sightings (idempotent) and logs a warning for each secret past the rotation age. */
  check(): Promise<SecretAge[]>;
  /** The ages now, from the first sightings the last check read. */
  ages(): SecretAge[];
  rotationDue(): boolean;
}

export interface SecretAgesDeps {
  secrets: readonly string[];
  store: Pick<RelayStore, 'rememberSecrets'>;
  logger: Logger;
  now: () => number;
}

export function createSecretAges(deps: SecretAgesDeps): SecretAges {
  const hashes = deps.secrets.map(secretHash);
  let firstSeen = new Map<string, number>();

  const ages = (): SecretAge[] => {
    const now = deps.now();
    return hashes.flatMap((hash, position) => {
      const seen = firstSeen.get(hash);
      if (seen === undefined) return [];
      const ageDays = Math.max(0, Math.floor((now - seen) / DAY_MS));
      return [
        {
          position,
          fingerprint: hash.slice(0, 8),
          firstSeenAt: new Date(seen).toISOString(),
          ageDays,
          rotationDue: now - seen > ROTATE_AFTER_DAYS * DAY_MS,
        },
      ];
    });
  };

  return {
    async check() {
      if (hashes.length > 0) firstSeen = await deps.store.rememberSecrets(hashes, deps.now());
      const current = ages();
      for (const age of current.filter((a) => a.rotationDue)) {
        deps.logger.warn(
          { position: age.position, fingerprint: age.fingerprint, ageDays: age.ageDays },
          `webhook secret #${age.position + 1} is ${age.ageDays} days old (over ${ROTATE_AFTER_DAYS}): rotate it — RELAY_SECRETS=old,new, PATCH Pluggy's webhook to the new header, then drop the old one (DEPLOY.md)`,
        );
      }
      return current;
    },
    ages,
    rotationDue: () => ages().some((a) => a.rotationDue),
  };
}
