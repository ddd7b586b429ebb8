// A KeyStore whose secrets can be read but not written: used while the key has not been proved by the DB.
import type { AppError } from '../../shared/errors';
import type { KeyStore } from './key-store';

/** Every write answers with `reason` (why the key is not trusted), so nothing is sealed with a wrong key. */
export function readOnlySecrets(store: KeyStore, reason: AppError): KeyStore {
  return {
    getOrCreateKey: () => store.getOrCreateKey(),
    getSecret: (name) => store.getSecret(name),
    setSecret: () => Promise.reject(reason),
  };
}
