// KeyStore on Electron's safeStorage: a random DB key sealed by the OS keystore; secrets encrypted under it.
//
// Like Signal Desktop, only the DB key is sealed by the OS (Keychain, DPAPI, libsecret/KWallet): one OS
// decrypt per launch. Named secrets (the Pluggy client secret…) live in the core's encrypted secrets file,
// whose key derives from the DB key, so they are as safe as the key and move with it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { databaseFile } from '../../src/core/create-core';
import type { DataPaths } from '../../src/core';
import { createKeyFileStore, EncryptedSecretsFile, type KeyStore } from '../../src/core/secrets';
import {
  assertOwnerOnly,
  createOwnerOnlyExclusive,
  writeOwnerOnlyAtomic,
} from '../../src/core/secrets/owner-only-file';
import { generateDbKey, isHexKey } from '../../src/core/store';
import { AppError } from '../../src/shared/errors';

/** The part of Electron's safeStorage this store uses (the async API, Electron 45+). */
export interface SafeStorageApi {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  getSelectedStorageBackend(): string;
}

/** Why the key store cannot give a key: the main process turns each into a dialog with options. */
export const KeystoreProblem = z.enum(['no_os_keystore', 'keystore_changed', 'key_missing']);
export type KeystoreProblem = z.infer<typeof KeystoreProblem>;

const SealedKeyFile = z.object({
  v: z.literal(1),
  /** Linux backend at creation (gnome_libsecret, kwallet…); 'os' elsewhere. Tells a keystore switch apart. */
  backend: z.string(),
  /** safeStorage ciphertext of the 64-hex DB key, base64. */
  sealedKey: z.string().min(1),
});
type SealedKeyFile = z.infer<typeof SealedKeyFile>;

export interface SafeStorageKeyStoreOptions {
  safeStorage: SafeStorageApi;
  paths: Pick<DataPaths, 'root' | 'keyFile' | 'secretsFile'>;
  platform?: NodeJS.Platform;
}

export function sealedKeyFile(root: string): string {
  return join(root, 'keystore.json');
}

export function keystoreError(problem: KeystoreProblem, message: string, cause?: unknown): AppError {
  return new AppError('keystore_unavailable', message, {
    details: { problem },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The problem an error names, when it is one of ours. */
export function keystoreProblemOf(error: unknown): KeystoreProblem | null {
  if (!(error instanceof AppError) || error.code !== 'keystore_unavailable') return null;
  const parsed = KeystoreProblem.safeParse(error.details?.['problem']);
  return parsed.success ? parsed.data : null;
}

/** Files that prove there is data some key once opened: a new key would hide them behind an empty DB. */
export function existingEncryptedData(paths: Pick<DataPaths, 'root' | 'secretsFile'>): string[] {
  return [databaseFile(paths.root, 'live'), databaseFile(paths.root, 'demo'), paths.secretsFile].filter((f) =>
    existsSync(f),
  );
}

/** On Linux, `basic_text` means no keyring: safeStorage would "encrypt" with a constant key. */
export function osBackend(safeStorage: SafeStorageApi, platform: NodeJS.Platform): string {
  return platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
}

export function createSafeStorageKeyStore(options: SafeStorageKeyStoreOptions): KeyStore {
  const { safeStorage, paths } = options;
  const platform = options.platform ?? process.platform;
  const file = sealedKeyFile(paths.root);
  let pending: Promise<Buffer> | undefined;

  async function seal(hexKey: string, backend: string, exclusive: boolean): Promise<boolean> {
    const sealed = await safeStorage.encryptStringAsync(hexKey);
    const record: SealedKeyFile = { v: 1, backend, sealedKey: sealed.toString('base64') };
    const text = `${JSON.stringify(record)}\n`;
    if (exclusive) return createOwnerOnlyExclusive(file, text);
    writeOwnerOnlyAtomic(file, text);
    return true;
  }

  async function unseal(backend: string): Promise<Buffer> {
    assertOwnerOnly(file);
    let record: SealedKeyFile;
    try {
      record = SealedKeyFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw keystoreError('keystore_changed', `The key file ${file} is damaged.`, error);
    }
    let plain: { shouldReEncrypt: boolean; result: string };
    try {
      plain = await safeStorage.decryptStringAsync(Buffer.from(record.sealedKey, 'base64'));
    } catch (error) {
      const switched =
        record.backend !== backend ? ` (it was sealed by ${record.backend}, now ${backend})` : '';
      throw keystoreError(
        'keystore_changed',
        `The system keystore cannot unseal Cofre's database key${switched}.`,
        error,
      );
    }
    if (!isHexKey(plain.result)) {
      throw keystoreError(
        'keystore_changed',
        'The unsealed database key is not a key: the keystore changed.',
      );
    }
    // The OS rotated its own key: seal ours again under the new one, atomically.
    if (plain.shouldReEncrypt) await seal(plain.result, backend, false);
    return Buffer.from(plain.result, 'hex');
  }

  async function load(): Promise<Buffer> {
    const backend = osBackend(safeStorage, platform);
    if (backend === 'basic_text') {
      throw keystoreError('no_os_keystore', 'No system keyring (GNOME Keyring, KWallet) is available.');
    }
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw keystoreError('no_os_keystore', 'The system keystore is not available to Cofre.');
    }
    if (existsSync(file)) return unseal(backend);
    // Data made by the CLI or browser mode carries over: adopt its key file instead of making a new key.
    if (existsSync(paths.keyFile)) {
      const key = await createKeyFileStore({
        keyFile: paths.keyFile,
        secretsFile: paths.secretsFile,
      }).getOrCreateKey();
      if (await seal(key.toString('hex'), backend, true)) return key;
      return unseal(backend);
    }
    const orphans = existingEncryptedData(paths);
    if (orphans.length > 0) {
      throw keystoreError(
        'key_missing',
        'Encrypted data exists but its key is gone; a new key would hide it.',
      );
    }
    const key = generateDbKey();
    // Exclusive create: a second process starting at the same moment reads the winner's key.
    if (await seal(key.toString('hex'), backend, true)) return key;
    return unseal(backend);
  }

  const getOrCreateKey = (): Promise<Buffer> => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined; // not cached: the user may unlock the keyring and retry
      throw error;
    });
    return pending;
  };
  const secrets = async () => new EncryptedSecretsFile(paths.secretsFile, await getOrCreateKey());
  return {
    getOrCreateKey,
    getSecret: async (name) => (await secrets()).get(name),
    setSecret: async (name, value) => (await secrets()).set(name, value),
  };
}
