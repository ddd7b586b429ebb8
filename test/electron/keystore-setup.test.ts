import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ensureDataDir } from '../../src/core';
import {
  openKeyStore,
  passphraseSaltFile,
  recoveryChoices,
  type KeystoreMode,
  type KeystoreSetupDeps,
  type RecoveryAction,
} from '../../electron/main/keystore-setup';
import { sealedKeyFile } from '../../electron/main/safe-storage-key-store';
import { recoveryDialog } from '../../electron/main/keystore-dialog';
import { shellText } from '../../electron/main/shell-text';
import { tempDir } from '../helpers/temp-dir';
import { FakeSafeStorage } from './fake-safe-storage';

const FAST = { N: 2 ** 12, r: 8, p: 1 };

function setup(answers: RecoveryAction[], passphrases: (string | null)[] = []) {
  const paths = ensureDataDir(join(tempDir('cofre-keystore-setup-'), 'data'));
  const safeStorage = new FakeSafeStorage();
  let mode: KeystoreMode = 'os';
  const askRecovery = vi.fn(async () => answers.shift() ?? 'quit');
  const askPassphrase = vi.fn(async (_wrong: boolean) =>
    passphrases.length > 0 ? passphrases.shift()! : null,
  );
  const openFolder = vi.fn(async () => undefined);
  const deps: KeystoreSetupDeps = {
    paths,
    safeStorage,
    platform: 'linux',
    mode: () => mode,
    setMode: (m) => {
      mode = m;
    },
    askRecovery,
    askPassphrase,
    openFolder,
    now: () => Date.UTC(2025, 0, 2, 3, 4, 5),
    scryptCost: FAST,
  };
  return { deps, paths, safeStorage, askRecovery, askPassphrase, openFolder, mode: () => mode };
}

describe('opening the key store at startup', () => {
  it('uses the OS keystore when it works, asking nothing', async () => {
    const { deps, askRecovery } = setup([]);
    const store = await openKeyStore(deps);
    expect(await store?.getOrCreateKey()).toHaveLength(32);
    expect(askRecovery).not.toHaveBeenCalled();
  });

  it('on basic_text offers a passphrase, then uses it (the opt-in is remembered)', async () => {
    const { deps, safeStorage, askRecovery, askPassphrase, paths, mode } = setup(
      ['use_passphrase'],
      ['s3cret pass'],
    );
    safeStorage.backend = 'basic_text';
    const store = await openKeyStore(deps);
    expect(askRecovery).toHaveBeenCalledWith('no_os_keystore');
    expect(askPassphrase).toHaveBeenCalledWith(false);
    expect(mode()).toBe('passphrase');
    expect(await store?.getOrCreateKey()).toHaveLength(32);
    expect(existsSync(passphraseSaltFile(paths.root))).toBe(true);
    expect(existsSync(sealedKeyFile(paths.root))).toBe(false);
  });

  it('asks again after a wrong passphrase', async () => {
    const first = setup([], ['right one']);
    first.deps.setMode('passphrase');
    const key = await (await openKeyStore(first.deps))?.getOrCreateKey();
    const passphrases = ['wrong one', 'right one'];
    first.askPassphrase.mockImplementation(async () => passphrases.shift() ?? null);
    const store = await openKeyStore(first.deps);
    expect(first.askPassphrase.mock.calls.slice(1)).toEqual([[false], [true]]);
    expect((await store?.getOrCreateKey())?.equals(key!)).toBe(true);
  });

  it('returns null when the user quits', async () => {
    const { deps, safeStorage } = setup(['quit']);
    safeStorage.backend = 'basic_text';
    expect(await openKeyStore(deps)).toBeNull();
  });

  it('after a keystore change retries, opens the folder, and starting over keeps every old file aside', async () => {
    const { deps, safeStorage, paths, askRecovery, openFolder } = setup([
      'retry',
      'open_folder',
      'start_over',
    ]);
    const oldKey = await (await openKeyStore(deps))?.getOrCreateKey();
    writeFileSync(paths.database, 'old encrypted data');
    safeStorage.replaceKeystore();
    const store = await openKeyStore(deps);
    expect(askRecovery.mock.calls).toEqual([
      ['keystore_changed'],
      ['keystore_changed'],
      ['keystore_changed'],
    ]);
    expect(openFolder).toHaveBeenCalledWith(paths.root);
    const newKey = await store?.getOrCreateKey();
    expect(newKey?.equals(oldKey!)).toBe(false);
    const aside = readdirSync(paths.root).filter((f) => f.includes('.unreadable-2025-01-02T03-04-05-000Z'));
    expect(aside.sort()).toEqual([
      'cofre.db.unreadable-2025-01-02T03-04-05-000Z',
      'keystore.json.unreadable-2025-01-02T03-04-05-000Z',
    ]);
    expect(readFileSync(join(paths.root, aside[0]!), 'utf8')).toBe('old encrypted data');
    expect(existsSync(paths.database)).toBe(false);
  });

  it('will not start a passphrase store over data no passphrase protected', async () => {
    const { deps, paths, askRecovery, askPassphrase } = setup(['quit']);
    writeFileSync(paths.database, 'data sealed by the OS keystore');
    deps.setMode('passphrase');
    expect(await openKeyStore(deps)).toBeNull();
    expect(askRecovery).toHaveBeenCalledWith('key_missing');
    expect(askPassphrase).not.toHaveBeenCalled();
  });
});

describe('the recovery dialog', () => {
  it('offers each problem its options, with Quit as the cancel button', () => {
    const text = shellText('en');
    const dialog = recoveryDialog('keystore_changed', text, '/data');
    expect(dialog.options.buttons).toEqual([
      'Try again',
      'Open the data folder',
      'Start over (keep the old files aside)',
      'Quit',
    ]);
    expect(dialog.options.cancelId).toBe(3);
    expect(dialog.actionAt(2)).toBe('start_over');
    expect(dialog.actionAt(99)).toBe('quit');
    expect(recoveryChoices('no_os_keystore')).toEqual(['use_passphrase', 'quit']);
    expect(recoveryDialog('no_os_keystore', shellText('pt-BR'), '/d').options.buttons).toEqual([
      'Usar uma senha',
      'Sair',
    ]);
  });
});
