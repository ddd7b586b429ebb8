import { describe, expect, it } from 'vitest';
import { AUDIT_SIGNING_SECRET, getOrCreateAuditSigningKey } from '../../../src/core/audit';
import type { KeyStore } from '../../../src/core/secrets';

function memoryKeyStore(): KeyStore & { secrets: Map<string, string> } {
  const secrets = new Map<string, string>();
  return {
    secrets,
    getOrCreateKey: () => Promise.resolve(Buffer.alloc(32, 1)),
    getSecret: (name) => Promise.resolve(secrets.get(name) ?? null),
    setSecret: (name, value) => {
      secrets.set(name, value);
      return Promise.resolve();
    },
  };
}

describe('audit signing key', () => {
  it('is created once, kept as a KeyStore secret, independent of the DB key', async () => {
    const store = memoryKeyStore();
    const key = await getOrCreateAuditSigningKey(store);
    expect(key).toHaveLength(32);
    expect(key.equals(Buffer.alloc(32, 1))).toBe(false);
    expect(store.secrets.get(AUDIT_SIGNING_SECRET)).toBe(key.toString('hex'));
    expect(await getOrCreateAuditSigningKey(store)).toEqual(key);
  });
});
