// KeyStore backed by a key file (64 hex, mode 0600) in the data dir; refuses a file others can read.
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { generateDbKey, isHexKey } from '../store/db-key';
import type { KeyStore } from './key-store';
import { assertOwnerOnly, createOwnerOnlyExclusive } from './owner-only-file';
import { EncryptedSecretsFile } from './secrets-file';

export interface KeyFileStoreOptions {
  keyFile: string;
  secretsFile: string;
}

function readKeyFile(file: string): Buffer {
  assertOwnerOnly(file);
  const text = readFileSync(file, 'utf8').trim();
  if (!isHexKey(text)) {
    throw new AppError('keystore_unavailable', `The key file ${file} does not hold a 64-hex key.`, {
      details: { file },
    });
  }
  return Buffer.from(text, 'hex');
}

export function createKeyFileStore(options: KeyFileStoreOptions): KeyStore {
  let key: Buffer | undefined;
  const getOrCreateKey = async (): Promise<Buffer> => {
    if (key) return key;
    if (!existsSync(options.keyFile)) {
      // 'wx' makes creation exclusive: two processes starting at once end up with the same key.
      createOwnerOnlyExclusive(options.keyFile, `${generateDbKey().toString('hex')}\n`);
    }
    key = readKeyFile(options.keyFile);
    return key;
  };
  const secrets = async () => new EncryptedSecretsFile(options.secretsFile, await getOrCreateKey());
  return {
    getOrCreateKey,
    getSecret: async (name) => (await secrets()).get(name),
    setSecret: async (name, value) => (await secrets()).set(name, value),
  };
}
