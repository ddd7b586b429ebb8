import { describe, expect, it } from 'vitest';
import { ensureDataDir } from '../../../src/core';
import { createNodeKeyStore } from '../../../src/core/secrets';
import { LATEST_VERSION, MIGRATIONS, openDatabase } from '../../../src/core/store';
import { fingerprint } from '../../core/store/refused-open';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

const versions = MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);
const twoBehind = versions[versions.length - 3]!;
const lastTwo = versions.slice(-2);

/** A data dir whose DB (with its key file) stands at schema `version`. */
async function dataDirAt(version: number): Promise<{ dir: string; file: string }> {
  const dir = tempDir('cofre-migrate-');
  const paths = ensureDataDir(dir);
  const key = await createNodeKeyStore({ paths, env: {} }).getOrCreateKey();
  const db = openDatabase({ file: paths.database, key, migrateTo: version });
  db.pragma(`user_version=${version}`);
  db.close();
  return { dir, file: paths.database };
}

// Each run starts the real command (tsx compiles on start): seconds apiece on a busy machine.
describe('cofre migrate', { timeout: 120_000 }, () => {
  it('applies the two migrations a database is behind and prints the version before and after', async () => {
    const { dir } = await dataDirAt(twoBehind);
    const status = await runCli(['migrate', '--status', '--data-dir', dir]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`schema version: ${twoBehind} (latest ${LATEST_VERSION})`);
    expect(status.stdout).toMatch(new RegExp(`applied +${String(twoBehind).padStart(4, '0')} `));
    for (const v of lastTwo)
      expect(status.stdout).toMatch(new RegExp(`pending +${String(v).padStart(4, '0')} `));
    expect(status.stdout).toContain('2 pending');

    const run = await runCli(['migrate', '--data-dir', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`schema version before: ${twoBehind} (latest ${LATEST_VERSION})`);
    expect(run.stdout).toContain('applied 2 migrations');
    expect(run.stdout).toContain(`schema version after: ${LATEST_VERSION}`);
    expect(run.stdout).toMatch(/applying migrations \(.+\): 0%/);
    expect(run.stdout).toContain('applying migrations: 100%');

    const again = await runCli(['migrate', '--data-dir', dir]);
    expect(again.stdout).toContain('nothing to apply');
    const after = await runCli(['migrate', '--status', '--data-dir', dir]);
    expect(after.stdout).toContain('up to date');
    expect(after.stdout).not.toContain('pending');
  });

  it('refuses a database from a newer Cofre with the app’s error, changing no byte', async () => {
    const { dir, file } = await dataDirAt(LATEST_VERSION);
    const db = openDatabase({ file, key: await keyOf(dir) });
    db.pragma(`user_version=${LATEST_VERSION + 1}`);
    db.close();
    const before = fingerprint(file);
    for (const args of [['migrate'], ['migrate', '--status']]) {
      const run = await runCli([...args, '--data-dir', dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('The database was written by a newer version of Cofre.');
      expect(run.stdout).toContain(`schema version: ${LATEST_VERSION + 1} (latest ${LATEST_VERSION})`);
    }
    expect(fingerprint(file)).toBe(before);
  });

  it('says there is nothing to migrate where no database exists yet', async () => {
    const run = await runCli(['migrate', '--data-dir', tempDir('cofre-migrate-empty-')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/no database at .+cofre\.db/);
  });
});

async function keyOf(dir: string): Promise<Buffer> {
  return createNodeKeyStore({ paths: ensureDataDir(dir), env: {} }).getOrCreateKey();
}
