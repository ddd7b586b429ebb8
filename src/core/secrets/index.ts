// KeyStores for the DB key and app secrets: env var, owner-only key file, or passphrase (scrypt).
import { join } from 'node:path';
import { DB_KEY_ENV, createEnvKeyStore } from './env-key-store';
import { createKeyFileStore } from './key-file-store';
import type { KeyStore } from './key-store';
import { createPassphraseKeyStore, type ScryptCost } from './passphrase-key-store';

export type { KeyStore } from './key-store';
export { createEnvKeyStore, DB_KEY_ENV, type EnvKeyStoreOptions } from './env-key-store';
export { createKeyFileStore, type KeyFileStoreOptions } from './key-file-store';
export {
  createPassphraseKeyStore,
  DEFAULT_SCRYPT_COST,
  type PassphraseKeyStoreOptions,
  type ScryptCost,
} from './passphrase-key-store';
export { EncryptedSecretsFile } from './secrets-file';
export { assertOwnerOnly } from './owner-only-file';
export { readOnlySecrets } from './read-only-secrets';

export interface NodeKeyStoreOptions {
  /** The data dir layout's files (see core/paths `dataPaths`). */
  paths: { root: string; keyFile: string; secretsFile: string };
  env?: NodeJS.ProcessEnv;
  passphrase?: string;
  scryptCost?: ScryptCost;
}

/** The Node choice: COFRE_DB_KEY when set, else a passphrase when given, else the key file. */
export function createNodeKeyStore(options: NodeKeyStoreOptions): KeyStore {
  const env = options.env ?? process.env;
  const { paths } = options;
  if (env[DB_KEY_ENV]) return createEnvKeyStore({ env, secretsFile: paths.secretsFile });
  if (options.passphrase !== undefined) {
    return createPassphraseKeyStore({
      passphrase: options.passphrase,
      saltFile: join(paths.root, 'key.salt.json'),
      secretsFile: paths.secretsFile,
      ...(options.scryptCost ? { cost: options.scryptCost } : {}),
    });
  }
  return createKeyFileStore({ keyFile: paths.keyFile, secretsFile: paths.secretsFile });
}
