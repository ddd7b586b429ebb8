// The two encryption schemes a Cofre DB may use: AEGIS (every new DB) and SQLCipher v4 (DBs made before).
export type CipherScheme = 'aegis' | 'sqlcipher';

/** The scheme new DBs get and older ones are converted to (SQLite3MC's AEGIS-256, an authenticated cipher). */
export const CURRENT_SCHEME: CipherScheme = 'aegis';

/**
 * The pragmas that open a DB of `scheme` with a raw 32-byte key (no KDF), identically on every open.
 * AEGIS is chosen because this build of SQLite3MC has no hardware AES: the SQLCipher scheme (AES-CBC +
 * HMAC-SHA512 in portable C) costs about three times plain SQLite on writes, AEGIS about 1.2 times.
 */
export function keyPragmas(scheme: CipherScheme, hexKey: string): string[] {
  const cipher = scheme === 'aegis' ? [`cipher='aegis'`] : [`cipher='sqlcipher'`, 'legacy=4'];
  return [...cipher, `key="x'${hexKey}'"`];
}
