import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createEnvKeyStore,
  createKeyFileStore,
  createNodeKeyStore,
  createPassphraseKeyStore,
  EncryptedSecretsFile,
  type KeyStore,
} from '../../../src/core/secrets';
import { openDatabase } from '../../../src/core/store';
import { AppError } from '../../../src/shared/errors';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const CLIENT_SECRET = 'pluggy-client-secret-0f9e8d7c6b5a';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected an AppError');
}

/** No file in the dir contains the secret, as text or base64. */
function grepDir(dir: string, needle: string): string[] {
  return readdirSync(dir).filter((f) => {
    const bytes = readFileSync(join(dir, f));
    return (
      bytes.includes(Buffer.from(needle)) ||
      bytes.includes(Buffer.from(Buffer.from(needle).toString('base64')))
    );
  });
}

describe('KeyStores', () => {
  let dir: string;
  let paths: { root: string; keyFile: string; secretsFile: string };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cofre-keys-'));
    paths = { root: dir, keyFile: join(dir, 'db.key'), secretsFile: join(dir, 'secrets.json') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function roundTrip(store: KeyStore): Promise<void> {
    expect(await store.getSecret('pluggy.clientSecret')).toBeNull();
    await store.setSecret('pluggy.clientSecret', CLIENT_SECRET);
    await store.setSecret('relay.deviceToken', 'device-token-xyz');
    expect(await store.getSecret('pluggy.clientSecret')).toBe(CLIENT_SECRET);
    expect(grepDir(dir, CLIENT_SECRET)).toEqual([]);
    expect(grepDir(dir, 'pluggy.clientSecret')).toEqual([]);
    expect(statSync(paths.secretsFile).mode & 0o777).toBe(0o600);
  }

  it('key file: creates a 0600 key once, reuses it, and keeps secrets encrypted', async () => {
    const store = createKeyFileStore(paths);
    const key = await store.getOrCreateKey();
    expect(key).toHaveLength(32);
    expect(statSync(paths.keyFile).mode & 0o777).toBe(0o600);
    expect(await createKeyFileStore(paths).getOrCreateKey()).toEqual(key);
    await roundTrip(store);
    const db = openDatabase({ file: join(dir, 'cofre.db'), key });
    db.close();
  });

  it('key file: two stores starting at once agree on one key', async () => {
    const [a, b] = await Promise.all([
      createKeyFileStore(paths).getOrCreateKey(),
      createKeyFileStore(paths).getOrCreateKey(),
    ]);
    expect(a).toEqual(b);
  });

  it('key file: refuses a group- or world-readable key file, and a malformed one', async () => {
    await createKeyFileStore(paths).getOrCreateKey();
    chmodSync(paths.keyFile, 0o644);
    expect(await codeOf(createKeyFileStore(paths).getOrCreateKey())).toBe('keystore_insecure');
    chmodSync(paths.keyFile, 0o640);
    expect(await codeOf(createKeyFileStore(paths).getOrCreateKey())).toBe('keystore_insecure');
    writeFileSync(paths.keyFile, 'nope\n', { mode: 0o600 });
    chmodSync(paths.keyFile, 0o600);
    expect(await codeOf(createKeyFileStore(paths).getOrCreateKey())).toBe('keystore_unavailable');
  });

  it('secrets file: another key cannot read it, and a readable copy is refused', async () => {
    const store = createKeyFileStore(paths);
    await store.setSecret('pluggy.clientSecret', CLIENT_SECRET);
    const other = createEnvKeyStore({
      env: { COFRE_DB_KEY: 'cd'.repeat(32) },
      secretsFile: paths.secretsFile,
    });
    expect(await codeOf(other.getSecret('pluggy.clientSecret'))).toBe('keystore_unavailable');
    chmodSync(paths.secretsFile, 0o604);
    expect(await codeOf(store.getSecret('pluggy.clientSecret'))).toBe('keystore_insecure');
  });

  it('secrets file: re-encrypts under a new DB key after a key rotation', async () => {
    const store = createKeyFileStore(paths);
    const oldKey = await store.getOrCreateKey();
    await store.setSecret('pluggy.clientSecret', CLIENT_SECRET);
    const newKey = Buffer.alloc(32, 8);
    const next = new EncryptedSecretsFile(paths.secretsFile, oldKey).rekey(newKey);
    expect(next.get('pluggy.clientSecret')).toBe(CLIENT_SECRET);
    expect(() => new EncryptedSecretsFile(paths.secretsFile, oldKey).get('x')).toThrow(AppError);
    expect(statSync(paths.secretsFile).mode & 0o777).toBe(0o600);
  });

  it('env: takes COFRE_DB_KEY, refuses a missing or malformed one without echoing it', async () => {
    const hex = 'ab'.repeat(32);
    const store = createEnvKeyStore({ env: { COFRE_DB_KEY: hex }, secretsFile: paths.secretsFile });
    expect((await store.getOrCreateKey()).toString('hex')).toBe(hex);
    await roundTrip(store);
    expect(
      await codeOf(createEnvKeyStore({ env: {}, secretsFile: paths.secretsFile }).getOrCreateKey()),
    ).toBe('keystore_unavailable');
    const bad = createEnvKeyStore({
      env: { COFRE_DB_KEY: 'secret-but-short' },
      secretsFile: paths.secretsFile,
    });
    await expect(bad.getOrCreateKey()).rejects.not.toThrow(/secret-but-short/);
  });

  it('passphrase: derives the same key from the same passphrase and refuses a wrong one', async () => {
    const saltFile = join(dir, 'key.salt.json');
    const store = createPassphraseKeyStore({
      passphrase: 'correct horse',
      saltFile,
      secretsFile: paths.secretsFile,
      cost: FAST,
    });
    const [k1, k2] = await Promise.all([store.getOrCreateKey(), store.getOrCreateKey()]);
    expect(k1).toEqual(k2);
    expect(statSync(saltFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(saltFile, 'utf8')).not.toContain('correct horse');
    const again = createPassphraseKeyStore({
      passphrase: 'correct horse',
      saltFile,
      secretsFile: paths.secretsFile,
    });
    expect(await again.getOrCreateKey()).toEqual(k1);
    await roundTrip(store);
    const wrong = createPassphraseKeyStore({
      passphrase: 'wrong horse',
      saltFile,
      secretsFile: paths.secretsFile,
    });
    expect(await codeOf(wrong.getOrCreateKey())).toBe('db_wrong_key');
    expect(() =>
      createPassphraseKeyStore({ passphrase: '', saltFile, secretsFile: paths.secretsFile }),
    ).toThrow(AppError);
  });

  it('picks env, then passphrase, then key file', async () => {
    const hex = '12'.repeat(32);
    const fromEnv = createNodeKeyStore({ paths, env: { COFRE_DB_KEY: hex } });
    expect((await fromEnv.getOrCreateKey()).toString('hex')).toBe(hex);
    const fromPass = createNodeKeyStore({ paths, env: {}, passphrase: 'p', scryptCost: FAST });
    await fromPass.getOrCreateKey();
    expect(existsSync(join(dir, 'key.salt.json'))).toBe(true);
    expect(existsSync(paths.keyFile)).toBe(false);
    await createNodeKeyStore({ paths, env: {} }).getOrCreateKey();
    expect(existsSync(paths.keyFile)).toBe(true);
  });
});
