// A fake safeStorage: AES-GCM under a per-"OS keystore" key, so a different keystore cannot decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageApi } from '../../electron/main/safe-storage-key-store';

export class FakeSafeStorage implements SafeStorageApi {
  available = true;
  backend = 'gnome_libsecret';
  reEncryptNext = false;
  encryptions = 0;
  #osKey: Buffer;

  constructor(osKey: Buffer = randomBytes(32)) {
    this.#osKey = osKey;
  }

  /** The OS keystore was reset or replaced: old ciphertexts no longer decrypt. */
  replaceKeystore() {
    this.#osKey = randomBytes(32);
  }

  async isAsyncEncryptionAvailable() {
    return this.available;
  }

  getSelectedStorageBackend() {
    return this.backend;
  }

  async encryptStringAsync(plainText: string): Promise<Buffer> {
    this.encryptions += 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#osKey, iv);
    const data = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), data]);
  }

  async decryptStringAsync(encrypted: Buffer) {
    const iv = encrypted.subarray(3, 15);
    const tag = encrypted.subarray(15, 31);
    const decipher = createDecipheriv('aes-256-gcm', this.#osKey, iv);
    decipher.setAuthTag(tag);
    const result = Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString(
      'utf8',
    );
    const shouldReEncrypt = this.reEncryptNext;
    this.reEncryptNext = false;
    return { shouldReEncrypt, result };
  }
}
