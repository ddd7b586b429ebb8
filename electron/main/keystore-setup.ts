// Picks and opens the KeyStore at startup; every problem goes to the user as a choice, never a silent new key.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { DataPaths } from '../../src/core';
import { databaseFile } from '../../src/core/create-core';
import { recordWrongKeyAttempt } from '../../src/core/security-review/wrong-key-log';
import { createPassphraseKeyStore, type KeyStore, type ScryptCost } from '../../src/core/secrets';
import { AppError } from '../../src/shared/errors';
import {
  createSafeStorageKeyStore,
  existingEncryptedData,
  keystoreError,
  keystoreProblemOf,
  sealedKeyFile,
  type KeystoreProblem,
  type SafeStorageApi,
} from './safe-storage-key-store';

export type RecoveryAction = 'retry' | 'use_passphrase' | 'start_over' | 'open_folder' | 'quit';
export type KeystoreMode = 'os' | 'passphrase';

export interface KeystoreSetupDeps {
  paths: DataPaths;
  safeStorage: SafeStorageApi;
  platform?: NodeJS.Platform;
  mode: () => KeystoreMode;
  setMode: (mode: KeystoreMode) => void;
  /** Shows the problem and its options; resolves with the user's choice. */
  askRecovery: (problem: KeystoreProblem) => Promise<RecoveryAction>;
  /** Asks for the passphrase (`wrong`: the last one did not match); null = the user quit. */
  askPassphrase: (wrong: boolean) => Promise<string | null>;
  openFolder: (dir: string) => Promise<void>;
  now?: () => number;
  scryptCost?: ScryptCost;
}

/** The options each problem offers, in dialog order. */
export function recoveryChoices(problem: KeystoreProblem): RecoveryAction[] {
  return problem === 'no_os_keystore'
    ? ['use_passphrase', 'quit']
    : ['retry', 'open_folder', 'start_over', 'quit'];
}

export function passphraseSaltFile(root: string): string {
  return join(root, 'key.salt.json');
}

/** "Start over": every key and data file is renamed `<name>.unreadable-<time>`, never deleted. */
export function setAsideUnreadableData(paths: DataPaths, now: number): string[] {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const dbFiles = [databaseFile(paths.root, 'live'), databaseFile(paths.root, 'demo')].flatMap((db) => [
    db,
    `${db}-wal`,
    `${db}-shm`,
  ]);
  const files = [
    sealedKeyFile(paths.root),
    passphraseSaltFile(paths.root),
    paths.keyFile,
    paths.secretsFile,
    ...dbFiles,
  ];
  const moved: string[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const aside = `${file}.unreadable-${stamp}`;
    renameSync(file, aside);
    moved.push(aside);
  }
  return moved;
}

async function openPassphraseStore(
  deps: KeystoreSetupDeps,
  wrong: boolean,
): Promise<KeyStore | 'quit' | 'wrong'> {
  const saltFile = passphraseSaltFile(deps.paths.root);
  if (!existsSync(saltFile) && existingEncryptedData(deps.paths).length > 0) {
    // A new passphrase would make a new key, and the existing data would look empty.
    throw keystoreError('key_missing', 'Encrypted data exists that no passphrase has ever protected.');
  }
  const passphrase = await deps.askPassphrase(wrong);
  if (passphrase === null) return 'quit';
  const store = createPassphraseKeyStore({
    passphrase,
    saltFile,
    secretsFile: deps.paths.secretsFile,
    ...(deps.scryptCost ? { cost: deps.scryptCost } : {}),
  });
  try {
    await store.getOrCreateKey();
    return store;
  } catch (error) {
    if (error instanceof AppError && error.code === 'db_wrong_key') {
      recordWrongKeyAttempt(deps.paths.root, 'passphrase', (deps.now ?? Date.now)());
      return 'wrong';
    }
    throw error;
  }
}

/** Resolves with a KeyStore whose key is ready, or null when the user chose to quit. */
export async function openKeyStore(deps: KeystoreSetupDeps): Promise<KeyStore | null> {
  let wrongPassphrase = false;
  for (;;) {
    let problem: KeystoreProblem;
    try {
      if (deps.mode() === 'passphrase') {
        const opened = await openPassphraseStore(deps, wrongPassphrase);
        if (opened === 'quit') return null;
        wrongPassphrase = opened === 'wrong';
        if (opened !== 'wrong') return opened;
        continue;
      }
      const store = createSafeStorageKeyStore({
        safeStorage: deps.safeStorage,
        paths: deps.paths,
        ...(deps.platform ? { platform: deps.platform } : {}),
      });
      await store.getOrCreateKey();
      return store;
    } catch (error) {
      const known = keystoreProblemOf(error);
      if (!known) throw error;
      problem = known;
    }
    const action = await deps.askRecovery(problem);
    if (action === 'quit') return null;
    if (action === 'use_passphrase') deps.setMode('passphrase');
    if (action === 'open_folder') await deps.openFolder(deps.paths.root);
    if (action === 'start_over') setAsideUnreadableData(deps.paths, (deps.now ?? Date.now)());
  }
}
