// Named secrets (e.g. the Pluggy client secret) in one AES-256-GCM encrypted file beside the DB.
//
// Why a file and not the DB: the secrets are needed by stores that exist before the DB is open (and by
// the CLI without opening it), and the file works the same for every KeyStore. The encryption key is
// derived (HKDF-SHA256) from the DB key, so the file is unreadable without it: a grep of the data dir
// finds no secret. Names are inside the ciphertext too. Each write uses a fresh random 96-bit IV.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { assertOwnerOnly, writeOwnerOnlyAtomic } from './owner-only-file';

const Envelope = z.object({
  v: z.literal(1),
  alg: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

const Contents = z.record(z.string(), z.string());
const AAD = Buffer.from('cofre-secrets-v1');

function fileKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'cofre secrets file v1', 32));
}

export class EncryptedSecretsFile {
  readonly #file: string;
  readonly #key: Buffer;

  constructor(file: string, dbKey: Buffer) {
    this.#file = file;
    this.#key = fileKey(dbKey);
  }

  get(name: string): string | null {
    return this.#read()[name] ?? null;
  }

  set(name: string, value: string): void {
    const all = this.#read();
    all[name] = value;
    this.#write(all);
  }

  delete(name: string): boolean {
    const all = this.#read();
    if (!(name in all)) return false;
    delete all[name];
    this.#write(all);
    return true;
  }

  /**
   * Re-encrypts every secret under a new DB key (after `rotateKey`), atomically; returns the file for the
   * new key. Until the new key is saved in the KeyStore, keep the old one: a crash in between is recovered
   * by opening with the key that still works.
   */
  rekey(newDbKey: Buffer): EncryptedSecretsFile {
    const all = this.#read();
    const next = new EncryptedSecretsFile(this.#file, newDbKey);
    if (Object.keys(all).length > 0 || existsSync(this.#file)) next.#write(all);
    return next;
  }

  #read(): Record<string, string> {
    if (!existsSync(this.#file)) return {};
    assertOwnerOnly(this.#file);
    let envelope: z.infer<typeof Envelope>;
    try {
      envelope = Envelope.parse(JSON.parse(readFileSync(this.#file, 'utf8')));
    } catch (err) {
      throw new AppError('keystore_unavailable', 'The secrets file is damaged.', {
        details: { file: this.#file },
        cause: err,
      });
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(envelope.iv, 'base64'));
      decipher.setAAD(AAD);
      decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
      return Contents.parse(JSON.parse(plain.toString('utf8')));
    } catch (err) {
      throw new AppError('keystore_unavailable', 'The secrets file cannot be decrypted with this key.', {
        details: { file: this.#file },
        cause: err,
      });
    }
  }

  #write(all: Record<string, string>): void {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(AAD);
    const data = Buffer.concat([cipher.update(JSON.stringify(all), 'utf8'), cipher.final()]);
    const envelope = {
      v: 1,
      alg: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
    writeOwnerOnlyAtomic(this.#file, `${JSON.stringify(envelope)}\n`);
  }
}
