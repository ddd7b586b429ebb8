// Test helper: a data dir whose demo DB Cofre must convert (SQLCipher scheme) and migrate (from version 60,
// so migrations 70 and 80 rewrite every row) before the app can show it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPaths } from '../../src/core';
import { databaseFile } from '../../src/core/create-core';
import { makeLegacyDb } from '../core/store/legacy-db';

export function makeUpgradingDataDir(dir: string, rows: number): { file: string } {
  const paths = dataPaths(dir);
  mkdirSync(join(dir, 'demo'), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(paths.keyFile, key.toString('hex'), { mode: 0o600 });
  const file = databaseFile(paths.root, 'demo');
  makeLegacyDb(file, key, rows, 60);
  return { file };
}
