// The backup file's envelope: a plain header (how the key is made) and AES-256-GCM over everything else.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from '../secrets';

const MAGIC = Buffer.from('COFREBAK', 'latin1');
const FORMAT = 1;
const TAG_BYTES = 16;
/** magic, format byte, header length (u32 BE). */
const PREFIX_BYTES = MAGIC.length + 1 + 4;
const MAX_HEADER_BYTES = 4096;

/** What opens a backup: the DB key of the data dir that made it, or a passphrase (scrypt). */
export type BackupSecret = { kind: 'db-key'; key: Buffer } | { kind: 'passphrase'; passphrase: string };

const Header = z.discriminatedUnion('kdf', [
  z.object({ kdf: z.literal('db-key'), salt: z.string(), iv: z.string(), check: z.string() }),
  z.object({
    kdf: z.literal('scrypt'),
    salt: z.string(),
    iv: z.string(),
    check: z.string(),
    N: z
      .number()
      .int()
      .positive()
      .max(2 ** 22),
    r: z.number().int().positive().max(32),
    p: z.number().int().positive().max(16),
  }),
]);
type Header = z.infer<typeof Header>;

export function backupError(
  code: 'invalid_input' | 'db_wrong_key' | 'db_corrupt' | 'db_from_future',
  key: string,
  message: string,
  cause?: unknown,
): AppError {
  return new AppError(code, message, {
    messageKey: `backup.errors.${key}`,
    ...(cause === undefined ? {} : { cause }),
  });
}

function deriveScrypt(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const maxmem = 128 * cost.N * cost.r * 2;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...cost, maxmem }, (err, key) => {
      if (err) reject(new AppError('internal', 'The backup key could not be derived.', { cause: err }));
      else resolve(key);
    });
  });
}

function deriveFromDbKey(dbKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, salt, 'cofre-backup-v1', 32));
}

/** Tells a wrong passphrase (or another data dir's key) from a damaged file, without revealing the key. */
function checkValue(key: Buffer): string {
  return createHmac('sha256', key).update('cofre-backup-check-v1').digest('base64');
}

async function keyFor(header: Header, secret: BackupSecret): Promise<Buffer> {
  const salt = Buffer.from(header.salt, 'base64');
  if (header.kdf === 'scrypt') {
    if (secret.kind !== 'passphrase') {
      throw backupError('invalid_input', 'needs_passphrase', 'This backup is protected by a passphrase.');
    }
    return deriveScrypt(secret.passphrase, salt, header);
  }
  if (secret.kind !== 'db-key') {
    throw backupError(
      'invalid_input',
      'needs_db_key',
      'This backup was made with the database key, not a passphrase; restore it without one.',
    );
  }
  return deriveFromDbKey(secret.key, salt);
}

/** Seals `payload` under the secret; the header is authenticated with it. */
export async function sealBackup(
  payload: Buffer,
  secret: BackupSecret,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<Buffer> {
  if (secret.kind === 'passphrase' && secret.passphrase.length === 0) {
    throw new AppError('invalid_input', 'The passphrase is empty.');
  }
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key =
    secret.kind === 'passphrase'
      ? await deriveScrypt(secret.passphrase, salt, cost)
      : deriveFromDbKey(secret.key, salt);
  const base = { salt: salt.toString('base64'), iv: iv.toString('base64'), check: checkValue(key) };
  const header: Header =
    secret.kind === 'passphrase' ? { kdf: 'scrypt', ...base, ...cost } : { kdf: 'db-key', ...base };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt8(FORMAT, MAGIC.length);
  prefix.writeUInt32BE(headerBytes.length, MAGIC.length + 1);
  const aad = Buffer.concat([prefix, headerBytes]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(payload), cipher.final()]);
  return Buffer.concat([aad, body, cipher.getAuthTag()]);
}

/** The payload, or a clear refusal: not a backup, wrong key or passphrase, or changed since it was made. */
export async function openBackup(file: Buffer, secret: BackupSecret): Promise<Buffer> {
  if (file.length < PREFIX_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw backupError('invalid_input', 'not_a_backup', 'This file is not a Cofre backup.');
  }
  const format = file.readUInt8(MAGIC.length);
  if (format !== FORMAT) {
    throw backupError('db_from_future', 'newer_format', 'This backup was made by a newer Cofre.');
  }
  const headerLength = file.readUInt32BE(MAGIC.length + 1);
  if (headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength + TAG_BYTES > file.length) {
    throw backupError('db_corrupt', 'damaged', 'The backup is damaged (cut short or changed).');
  }
  const aad = file.subarray(0, PREFIX_BYTES + headerLength);
  let header: Header;
  try {
    header = Header.parse(JSON.parse(aad.subarray(PREFIX_BYTES).toString('utf8')));
  } catch (error) {
    throw backupError('db_corrupt', 'damaged', 'The backup is damaged (cut short or changed).', error);
  }
  const key = await keyFor(header, secret);
  const expected = Buffer.from(header.check, 'base64');
  const actual = Buffer.from(checkValue(key), 'base64');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw backupError(
      'db_wrong_key',
      header.kdf === 'scrypt' ? 'wrong_passphrase' : 'wrong_db_key',
      header.kdf === 'scrypt'
        ? 'The passphrase does not open this backup.'
        : 'This backup was made with another database key; it opens only where it was made.',
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(file.subarray(file.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(file.subarray(aad.length, file.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch (error) {
    throw backupError('db_corrupt', 'damaged', 'The backup is damaged (cut short or changed).', error);
  }
}
