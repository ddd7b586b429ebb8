// The hash chain: each entry's SHA-256 covers its own fields and the previous entry's hash.
import { createHash } from 'node:crypto';

/** The `prev_hash` of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  id: number;
  at: string;
  actor: string;
  action: string;
  connectionId: string | null;
  outcome: string;
  /** Exactly the stored JSON text, so any byte changed in the row changes the hash. */
  detailsJson: string;
  prevHash: string;
}

export function entryHash(f: HashedFields): string {
  const canonical = JSON.stringify([
    f.id,
    f.at,
    f.actor,
    f.action,
    f.connectionId,
    f.outcome,
    f.detailsJson,
    f.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
