import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

const dataDir = tempDir();
const outDir = tempDir();
const common = ['--demo', '--data-dir', dataDir, '--demo-execution-ms', '200'];
const passphraseFile = join(outDir, 'passphrase.txt');

function digests(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'logs' || name === 'sandbox') continue;
    if (statSync(path).isDirectory()) digests(path, out);
    else out.set(path, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

async function transactionsCsv(): Promise<string> {
  const csv = await runCli(['export', ...common, '--format', 'csv']);
  expect(csv.code, csv.stderr).toBe(0);
  return csv.stdout;
}

describe('cofre backup and cofre restore (demo mode, app closed)', () => {
  it('backs up to a new 0600 file outside the data dir, and restores it after the data changed', async () => {
    const connect = await runCli([
      'connect',
      ...common,
      '--connector',
      '0',
      '--user',
      'user-ok',
      '--password',
      'password-ok',
    ]);
    expect(connect.code, connect.stderr).toBe(0);
    const before = await transactionsCsv();

    const inside = await runCli(['backup', ...common, join(dataDir, 'b.cofrebak')]);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(/inside the data dir/);

    writeFileSync(passphraseFile, 'correct horse battery\n', { mode: 0o600 });
    const file = join(outDir, 'cofre.cofrebak');
    const made = await runCli(['backup', ...common, file, '--passphrase-file', passphraseFile]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/backup written to .*rows in \d+ tables/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await runCli(['backup', ...common, file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; pass --force/);

    // New data after the backup (each demo sync brings some), then the restore brings back the backup's.
    const sync = await runCli(['sync', ...common]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(await transactionsCsv()).not.toBe(before);

    const restored = await runCli(['restore', ...common, file, '--passphrase-file', passphraseFile]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/restored the backup of .* \(\d+ rows, schema \d+, demo data\)/);
    expect(await transactionsCsv()).toBe(before);
    const audit = await runCli(['audit', ...common, '--action', 'backup.', '--json']);
    expect(audit.stdout).toContain('backup.restored');
    // The backup's own entry was written after its copy was taken: the restored log ends before it.
    expect(audit.stdout).not.toContain('backup.created');
    expect((await runCli(['audit', 'verify', ...common])).code).toBe(0);
  }, 240_000);

  it('refuses a changed, cut or wrongly unlocked backup with one line, changing no file', async () => {
    const file = join(outDir, 'cofre.cofrebak');
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 5000]! ^= 0x40;
    writeFileSync(join(outDir, 'flipped.cofrebak'), flipped);
    writeFileSync(join(outDir, 'cut.cofrebak'), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(join(outDir, 'wrong.txt'), 'wrong horse battery\n');
    const files = digests(dataDir);
    const cases: [string[], RegExp][] = [
      [[join(outDir, 'flipped.cofrebak'), '--passphrase-file', passphraseFile], /damaged/],
      [[join(outDir, 'cut.cofrebak'), '--passphrase-file', passphraseFile], /damaged/],
      [[file, '--passphrase-file', join(outDir, 'wrong.txt')], /passphrase does not open/],
      [[file], /protected by a passphrase/],
      [[passphraseFile, '--passphrase-file', passphraseFile], /not a Cofre backup/],
    ];
    for (const [args, reason] of cases) {
      const run = await runCli(['restore', ...common, ...args]);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(digests(dataDir)).toEqual(files);
  }, 240_000);
});
