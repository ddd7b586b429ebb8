// Secrets and tokens: constant-time comparison, fresh random credentials, and the hashes the stores keep.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * True when `presented` equals one of `accepted`. Both sides are hashed first so the comparison takes the
 * same time whatever the lengths, and every accepted secret is compared (no early exit on a match).
 */
export function matchesAnySecret(presented: string | undefined, accepted: readonly string[]): boolean {
  if (presented === undefined || presented.length === 0) return false;
  const digest = sha256(presented);
  let matched = false;
  for (const secret of accepted) {
    if (timingSafeEqual(digest, sha256(secret))) matched = true;
  }
  return matched;
}

/** The stores keep only this hash of a device token or channel id, so a leaked database grants nothing. */
export function credentialHash(value: string): string {
  return sha256(value).toString('base64url');
}

export interface NewDeviceCredentials {
  deviceId: string;
  /** Sent as `Authorization: Bearer …` on device calls. */
  token: string;
  /** The unguessable path segment of the device's webhook URL. */
  channel: string;
}

export function newDeviceCredentials(): NewDeviceCredentials {
  return {
    deviceId: randomUUID(),
    token: `crt_${randomBytes(32).toString('base64url')}`,
    channel: `ch_${randomBytes(24).toString('base64url')}`,
  };
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
