// Hostile use of the `cofre` command against a real data dir: `export --out` aimed at the data dir's own files
// and at symlinks, a wrong COFRE_DB_KEY with no secrets file, and a zero-length DB beside its WAL. Each attack
// must leave every file of the data dir byte-identical, and the right key must still open the data.
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, type CliResult } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { writeOutFile } from '../../src/cli/out-file';
import { WRONG_KEY_FILE } from '../../src/core/security-review/wrong-key-log';
import { writeFigures } from './figures';

const figures = { attacksTried: 0, filesChanged: 0, stackTraces: 0 };
afterAll(() => writeFigures('hostileCli', figures));

const RIGHT_KEY = randomBytes(32).toString('hex');
const WRONG_KEY = randomBytes(32).toString('hex');
const root = tempDir('cofre-hostile-cli-');
const dataDir = join(root, 'data');
const outside = join(root, 'outside');
const demo = ['--demo', '--demo-execution-ms', '100', '--data-dir', dataDir];

/** Every file and symlink under `dir` with its bytes' digest and mode: what "byte-identical" compares. */
function snapshot(dir: string, skip: (path: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      const name = relative(dir, path);
      if (skip(name)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isSymbolicLink()) out[name] = `-> ${readlinkSync(path)}`;
      else {
        const digest = createHash('sha256').update(readFileSync(path)).digest('hex');
        out[name] = `${digest} ${(statSync(path).mode & 0o777).toString(8)}`;
      }
    }
  };
  walk(dir);
  return out;
}

/** One attack: the command fails with one line on stderr (no stack trace) and changes nothing. */
function expectRefusedCleanly(result: CliResult, before: Record<string, string>, reason: RegExp): void {
  figures.attacksTried += 1;
  const lines = result.stderr.trim().split('\n');
  if (lines.length > 1 || /sonic boom|^\s+at /m.test(result.stderr)) figures.stackTraces += 1;
  const after = snapshot(dataDir);
  if (JSON.stringify(after) !== JSON.stringify(before)) figures.filesChanged += 1;
  expect(result.code, result.stderr).not.toBe(0);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(reason);
  expect(after).toEqual(before);
}

beforeAll(async () => {
  mkdirSync(outside, { recursive: true });
  const connect = await runCli(
    ['connect', ...demo, '--connector', '0', '--user', 'user-ok', '--password', 'password-ok'],
    { COFRE_DB_KEY: RIGHT_KEY },
  );
  expect(connect.code, connect.stderr).toBe(0);
}, 90_000);

describe('cofre export --out against the data dir and symlinks', () => {
  const env = { COFRE_DB_KEY: RIGHT_KEY };
  const exportTo = (out: string, ...extra: string[]) =>
    runCli(['export', ...demo, '--format', 'csv', '--out', out, ...extra], env);

  it('refuses every path inside the data dir, through any alias, even with --force', async () => {
    writeFileSync(join(dataDir, 'db.key'), `${RIGHT_KEY}\n`, { mode: 0o600 });
    symlinkSync(dataDir, join(outside, 'alias'));
    const before = snapshot(dataDir);
    const targets = [
      join(dataDir, 'db.key'),
      join(dataDir, 'secrets.json'),
      join(dataDir, 'demo', 'cofre.db'),
      join(dataDir, 'demo', 'cofre.db-wal'),
      join(dataDir, 'new-file.csv'),
      join(outside, '..', 'data', 'db.key'),
      join(outside, 'alias', 'db.key'),
    ];
    // Through the real command for the key and an alias of the data dir; the rest straight at the writer.
    for (const target of [targets[0]!, targets[6]!]) {
      expectRefusedCleanly(await exportTo(target, '--force'), before, /inside the data dir/);
    }
    for (const target of targets) {
      figures.attacksTried += 1;
      expect(() => writeOutFile(target, 'x', { dataDir, force: true })).toThrow(/inside the data dir/);
    }
    expect(snapshot(dataDir)).toEqual(before);
    rmSync(join(dataDir, 'db.key'));
  }, 120_000);

  it('never writes through a symlink at the target, dangling or not', async () => {
    const victim = join(outside, 'victim.txt');
    writeFileSync(victim, 'precious\n', { mode: 0o644 });
    symlinkSync(victim, join(outside, 'link.csv'));
    symlinkSync(join(outside, 'nowhere.txt'), join(outside, 'dangling.csv'));
    const before = snapshot(dataDir);
    expectRefusedCleanly(await exportTo(join(outside, 'link.csv'), '--force'), before, /symbolic link/);
    for (const link of ['link.csv', 'dangling.csv']) {
      figures.attacksTried += 1;
      expect(() => writeOutFile(join(outside, link), 'x', { dataDir, force: true })).toThrow(/symbolic link/);
    }
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(() => lstatSync(join(outside, 'nowhere.txt'))).toThrow();
  }, 60_000);

  it('refuses an existing file without --force; with it, replaces it by a new owner-only file', async () => {
    const existing = join(outside, 'old.csv');
    writeFileSync(existing, 'old\n');
    chmodSync(existing, 0o644);
    const before = snapshot(dataDir);
    expectRefusedCleanly(await exportTo(existing), before, /already exists.*--force/);
    expect(readFileSync(existing, 'utf8')).toBe('old\n');

    const forced = await exportTo(existing, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(existing, 'utf8')).not.toBe('old\n');
    expect(statSync(existing).mode & 0o777).toBe(0o600);

    const fresh = join(outside, 'fresh.csv');
    expect((await exportTo(fresh)).code).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    expect(readdirSync(outside).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('a wrong COFRE_DB_KEY when secrets.json is absent', () => {
  const wrong = { COFRE_DB_KEY: WRONG_KEY };
  const commands = [
    ['status'],
    ['sync'],
    ['audit'],
    ['audit', 'verify'],
    ['export', '--format', 'csv'],
    ['connect', '--item', 'some-item'],
  ];

  it('writes no file in any command, says why in one line, and the right key still works', async () => {
    rmSync(join(dataDir, 'secrets.json'), { force: true });
    const before = snapshot(dataDir);
    for (const command of commands) {
      expectRefusedCleanly(await runCli([...command, ...demo], wrong), before, /could not be decrypted/);
    }
    // serve keeps running to show the error in Diagnostics; it too seals nothing with the wrong key (it only
    // logs, and notes the attempt for the security review).
    const { child } = await startCli(['serve', ...demo, '--port', '0'], /#token=/, wrong);
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    figures.attacksTried += 1;
    const isLog = (path: string) => path.startsWith('logs') || path === WRONG_KEY_FILE;
    const beforeButLogs = Object.fromEntries(Object.entries(before).filter(([path]) => !isLog(path)));
    expect(snapshot(dataDir, isLog)).toEqual(beforeButLogs);

    const right = await runCli(['status', ...demo, '--json'], { COFRE_DB_KEY: RIGHT_KEY });
    expect(right.code, right.stderr).toBe(0);
    expect(JSON.parse(right.stdout)).toHaveLength(1);
  }, 180_000);
});

describe('a zero-length cofre.db beside its WAL', () => {
  it('is refused as damaged with how to restore, and neither file is touched', async () => {
    const db = join(dataDir, 'demo', 'cofre.db');
    writeFileSync(`${db}-wal`, randomBytes(64 * 1024));
    truncateSync(db, 0);
    const before = snapshot(dataDir);
    for (const command of [['status'], ['sync']]) {
      expectRefusedCleanly(
        await runCli([...command, ...demo], { COFRE_DB_KEY: RIGHT_KEY }),
        before,
        /empty.*restore/i,
      );
    }
  }, 60_000);
});
