// The DB key: 32 random bytes, given as a Buffer or 64 hex characters, validated before any pragma sees it.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';

export type DbKeyInput = Buffer | string;

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/** Validates a key and returns it as lowercase hex; the key itself never appears in the error. */
export function keyToHex(key: DbKeyInput): string {
  if (Buffer.isBuffer(key)) {
    if (key.length !== 32) {
      throw new AppError('invalid_input', `The database key must be 32 bytes, got ${key.length}.`);
    }
    return key.toString('hex');
  }
  if (!HEX_KEY.test(key)) {
    throw new AppError('invalid_input', 'The database key must be 64 hexadecimal characters.');
  }
  return key.toLowerCase();
}

/** True when a string is a well-formed 64-hex key. */
export function isHexKey(value: string): boolean {
  return HEX_KEY.test(value);
}

/** A fresh random 256-bit key. */
export function generateDbKey(): Buffer {
  return randomBytes(32);
}
