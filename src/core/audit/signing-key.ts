// The key that signs retention markers: random, kept as a KeyStore secret so it survives DB key rotation.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyStore } from '../secrets/key-store';

export const AUDIT_SIGNING_SECRET = 'audit.signingKey';

/** Reads the signing key from the KeyStore, creating and saving one on first use. */
export async function getOrCreateAuditSigningKey(keyStore: KeyStore): Promise<Buffer> {
  const stored = await keyStore.getSecret(AUDIT_SIGNING_SECRET);
  if (stored !== null && /^[0-9a-f]{64}$/.test(stored)) return Buffer.from(stored, 'hex');
  const key = randomBytes(32);
  await keyStore.setSecret(AUDIT_SIGNING_SECRET, key.toString('hex'));
  return key;
}

/** HMAC-SHA256 of a JSON-serialisable payload, hex. */
export function signPayload(key: Buffer, payload: unknown): string {
  return createHmac('sha256', key).update(JSON.stringify(payload)).digest('hex');
}

export function verifyPayloadSignature(key: Buffer, payload: unknown, signature: string): boolean {
  const expected = Buffer.from(signPayload(key, payload), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
