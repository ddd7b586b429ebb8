// KeyStore whose DB key comes from the COFRE_DB_KEY environment variable (64 hex), e.g. for servers and CI.
import { AppError } from '../../shared/errors';
import { isHexKey } from '../store/db-key';
import type { KeyStore } from './key-store';
import { EncryptedSecretsFile } from './secrets-file';

export const DB_KEY_ENV = 'COFRE_DB_KEY';

export interface EnvKeyStoreOptions {
  env?: NodeJS.ProcessEnv;
  /** Where named secrets live, encrypted with the env key. */
  secretsFile: string;
}

export function createEnvKeyStore(options: EnvKeyStoreOptions): KeyStore {
  const env = options.env ?? process.env;
  const getOrCreateKey = async (): Promise<Buffer> => {
    const value = env[DB_KEY_ENV]?.trim();
    if (!value) {
      throw new AppError('keystore_unavailable', `${DB_KEY_ENV} is not set.`);
    }
    if (!isHexKey(value)) {
      throw new AppError('keystore_unavailable', `${DB_KEY_ENV} must be 64 hexadecimal characters.`);
    }
    return Buffer.from(value, 'hex');
  };
  const secrets = async () => new EncryptedSecretsFile(options.secretsFile, await getOrCreateKey());
  return {
    getOrCreateKey,
    getSecret: async (name) => (await secrets()).get(name),
    setSecret: async (name, value) => (await secrets()).set(name, value),
  };
}
