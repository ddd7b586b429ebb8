// KeyStore that derives the DB key from a passphrase with scrypt and a random salt stored in the data dir.
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { KeyStore } from './key-store';
import { assertOwnerOnly, createOwnerOnlyExclusive } from './owner-only-file';
import { EncryptedSecretsFile } from './secrets-file';

/** scrypt cost; the defaults take a few hundred ms and 128 MiB, once per launch. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

// The parameters travel with the salt, so a later change of the defaults still opens an old DB.
const SaltFile = z.object({
  v: z.literal(1),
  salt: z.string(),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  /** HMAC of a constant under the derived key: tells a mistyped passphrase from a damaged DB. */
  check: z.string(),
});
type SaltFile = z.infer<typeof SaltFile>;

export interface PassphraseKeyStoreOptions {
  passphrase: string;
  saltFile: string;
  secretsFile: string;
  /** For new salt files only. */
  cost?: ScryptCost;
}

function derive(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const maxmem = 128 * cost.N * cost.r * 2;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...cost, maxmem }, (err, key) => {
      if (err) reject(new AppError('keystore_unavailable', 'The key could not be derived.', { cause: err }));
      else resolve(key);
    });
  });
}

function checkValue(key: Buffer): string {
  return createHmac('sha256', key).update('cofre-passphrase-check-v1').digest('hex');
}

function readSaltFile(file: string): SaltFile {
  assertOwnerOnly(file);
  try {
    return SaltFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    throw new AppError('keystore_unavailable', `The salt file ${file} is damaged.`, {
      details: { file },
      cause: err,
    });
  }
}

export function createPassphraseKeyStore(options: PassphraseKeyStoreOptions): KeyStore {
  if (options.passphrase.length === 0) throw new AppError('invalid_input', 'The passphrase is empty.');
  let pending: Promise<Buffer> | undefined;

  async function load(): Promise<Buffer> {
    if (!existsSync(options.saltFile)) {
      const cost = options.cost ?? DEFAULT_SCRYPT_COST;
      const salt = randomBytes(16);
      const key = await derive(options.passphrase, salt, cost);
      const record: SaltFile = { v: 1, salt: salt.toString('base64'), ...cost, check: checkValue(key) };
      if (createOwnerOnlyExclusive(options.saltFile, `${JSON.stringify(record)}\n`)) return key;
    }
    const record = readSaltFile(options.saltFile);
    const key = await derive(options.passphrase, Buffer.from(record.salt, 'base64'), record);
    const expected = Buffer.from(record.check, 'hex');
    const actual = Buffer.from(checkValue(key), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new AppError('db_wrong_key', 'The passphrase does not match.');
    }
    return key;
  }

  // Single-flight: concurrent callers share one derivation; a failure is not cached, so a retry can succeed.
  const getOrCreateKey = (): Promise<Buffer> => {
    pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
  const secrets = async () => new EncryptedSecretsFile(options.secretsFile, await getOrCreateKey());
  return {
    getOrCreateKey,
    getSecret: async (name) => (await secrets()).get(name),
    setSecret: async (name, value) => (await secrets()).set(name, value),
  };
}
