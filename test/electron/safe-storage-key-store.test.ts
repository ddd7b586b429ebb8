import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths, ensureDataDir } from '../../src/core';
import { createKeyFileStore } from '../../src/core/secrets';
import { openDatabase } from '../../src/core/store';
import { AppError } from '../../src/shared/errors';
import {
  createSafeStorageKeyStore,
  keystoreProblemOf,
  sealedKeyFile,
} from '../../electron/main/safe-storage-key-store';
import { tempDir } from '../helpers/temp-dir';
import { FakeSafeStorage } from './fake-safe-storage';

const SECRET = 'pluggy-client-secret-7a6b5c4d3e2f';

function fresh() {
  const paths = ensureDataDir(join(tempDir('cofre-safe-storage-'), 'data'));
  const safeStorage = new FakeSafeStorage();
  const store = () => createSafeStorageKeyStore({ safeStorage, paths, platform: 'linux' });
  return { paths, safeStorage, store };
}

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return keystoreProblemOf(error);
  }
  throw new Error('expected a key store error');
}

/** Every file under dir whose bytes contain the needle (as text or base64). */
function filesContaining(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => {
    const file = join(dir, f);
    if (!statSync(file).isFile()) return false;
    const text = readFileSync(file, 'latin1');
    return text.includes(needle) || text.includes(Buffer.from(needle).toString('base64'));
  });
}

describe('SafeStorageKeyStore', () => {
  it('round-trips the DB key and the client secret through safeStorage across launches', async () => {
    const { paths, safeStorage, store } = fresh();
    const first = store();
    const key = await first.getOrCreateKey();
    expect(key).toHaveLength(32);
    await first.setSecret('pluggy.clientSecret', SECRET);

    const second = store(); // the next launch
    expect((await second.getOrCreateKey()).equals(key)).toBe(true);
    expect(await second.getSecret('pluggy.clientSecret')).toBe(SECRET);
    expect(await second.getSecret('never.set')).toBeNull();
    expect(safeStorage.encryptions).toBe(1);
    // The key file holds only ciphertext, owner-only; no file holds the key or the secret in the clear.
    expect(statSync(sealedKeyFile(paths.root)).mode & 0o777).toBe(0o600);
    expect(filesContaining(paths.root, key.toString('hex'))).toEqual([]);
    expect(filesContaining(paths.root, SECRET)).toEqual([]);
  });

  it('opens the encrypted DB with the unsealed key on the next launch', async () => {
    const { paths, store } = fresh();
    const db = openDatabase({ file: paths.database, key: await store().getOrCreateKey() });
    db.close();
    const again = openDatabase({ file: paths.database, key: await store().getOrCreateKey() });
    again.close();
  });

  it('refuses the basic_text backend on Linux and writes nothing', async () => {
    const { paths, safeStorage, store } = fresh();
    safeStorage.backend = 'basic_text';
    expect(await problemOf(store().getOrCreateKey())).toBe('no_os_keystore');
    expect(existsSync(sealedKeyFile(paths.root))).toBe(false);
    expect(safeStorage.encryptions).toBe(0);
  });

  it('ignores the Linux backend on other platforms', async () => {
    const { paths, safeStorage } = fresh();
    safeStorage.backend = 'basic_text';
    const store = createSafeStorageKeyStore({ safeStorage, paths, platform: 'darwin' });
    expect(await store.getOrCreateKey()).toHaveLength(32);
  });

  it('refuses when the OS keystore is unavailable', async () => {
    const { safeStorage, store } = fresh();
    safeStorage.available = false;
    expect(await problemOf(store().getOrCreateKey())).toBe('no_os_keystore');
  });

  it('detects a keystore change and leaves the sealed key and the DB untouched', async () => {
    const { paths, safeStorage, store } = fresh();
    const db = openDatabase({ file: paths.database, key: await store().getOrCreateKey() });
    db.close();
    const sealedBefore = readFileSync(sealedKeyFile(paths.root));
    const dbBefore = readFileSync(paths.database);
    safeStorage.replaceKeystore();
    expect(await problemOf(store().getOrCreateKey())).toBe('keystore_changed');
    expect(readFileSync(sealedKeyFile(paths.root)).equals(sealedBefore)).toBe(true);
    expect(readFileSync(paths.database).equals(dbBefore)).toBe(true);
  });

  it('names the backend switch when the keyring changed', async () => {
    const { safeStorage, store } = fresh();
    await store().getOrCreateKey();
    safeStorage.replaceKeystore();
    safeStorage.backend = 'kwallet6';
    await expect(store().getOrCreateKey()).rejects.toThrow(/gnome_libsecret, now kwallet6/);
  });

  it('never makes a new key over existing encrypted data whose key is gone', async () => {
    const { paths, store } = fresh();
    writeFileSync(paths.database, 'an encrypted DB from an earlier key');
    expect(await problemOf(store().getOrCreateKey())).toBe('key_missing');
    expect(existsSync(sealedKeyFile(paths.root))).toBe(false);
    expect(readFileSync(paths.database, 'utf8')).toBe('an encrypted DB from an earlier key');
  });

  it('counts a demo DB as existing data too', async () => {
    const { paths, store } = fresh();
    mkdirSync(join(paths.root, 'demo'), { recursive: true });
    writeFileSync(join(paths.root, 'demo', 'cofre.db'), 'demo data');
    expect(await problemOf(store().getOrCreateKey())).toBe('key_missing');
  });

  it('adopts the key file of the CLI or browser mode, so their data opens', async () => {
    const { paths, store } = fresh();
    const nodeStore = createKeyFileStore({ keyFile: paths.keyFile, secretsFile: paths.secretsFile });
    const key = await nodeStore.getOrCreateKey();
    await nodeStore.setSecret('pluggy.clientSecret', SECRET);
    const adopted = store();
    expect((await adopted.getOrCreateKey()).equals(key)).toBe(true);
    expect(await adopted.getSecret('pluggy.clientSecret')).toBe(SECRET);
    expect(existsSync(sealedKeyFile(paths.root))).toBe(true);
  });

  it('seals the key again when the OS asks for re-encryption', async () => {
    const { paths, safeStorage, store } = fresh();
    const key = await store().getOrCreateKey();
    const before = readFileSync(sealedKeyFile(paths.root), 'utf8');
    safeStorage.reEncryptNext = true;
    expect((await store().getOrCreateKey()).equals(key)).toBe(true);
    expect(readFileSync(sealedKeyFile(paths.root), 'utf8')).not.toBe(before);
    expect((await store().getOrCreateKey()).equals(key)).toBe(true);
  });

  it('gives concurrent first callers one key', async () => {
    const { store } = fresh();
    const s = store();
    const [a, b] = await Promise.all([s.getOrCreateKey(), s.getOrCreateKey()]);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses a damaged key file as a keystore change', async () => {
    const { paths, store } = fresh();
    await store().getOrCreateKey();
    writeFileSync(sealedKeyFile(paths.root), '{"v":1}', { mode: 0o600 });
    expect(await problemOf(store().getOrCreateKey())).toBe('keystore_changed');
  });

  it('keeps dataPaths layout: the sealed key sits beside the DB', () => {
    expect(sealedKeyFile(dataPaths('/x').root)).toBe('/x/keystore.json');
  });
});
