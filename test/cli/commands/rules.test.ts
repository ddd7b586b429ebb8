import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

const dataDir = tempDir();
const common = ['--demo', '--data-dir', dataDir, '--demo-execution-ms', '200'];

describe('cofre rules (demo mode, app closed)', () => {
  it('adds a rule, previews exactly what apply then changes, lists and removes it', async () => {
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
    const add = await runCli(['rules', 'add', 'a', ...common, '--field', 'description', '--tag', 'cli']);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/^1\. \[#1\] quando description contém "a" → tag "cli"/);

    const preview = await runCli(['rules', 'apply', '1', '--preview', ...common, '--limit', '1000']);
    expect(preview.code, preview.stderr).toBe(0);
    const rows = preview.stdout.trim().split('\n');
    expect(rows.length).toBeGreaterThan(0);
    expect(preview.stderr).toContain(`${rows.length} linha(s) mudariam`);

    const apply = await runCli(['rules', 'apply', '1', ...common, '--limit', '1000']);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toBe(preview.stdout);
    const again = await runCli(['rules', 'apply', '--preview', ...common]);
    expect(again.stderr).toContain('0 linha(s) mudariam');

    const bad = await runCli(['rules', 'add', 'x', ...common]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/rules.add is invalid/);

    expect((await runCli(['rules', 'remove', '1', ...common])).code).toBe(0);
    expect((await runCli(['rules', 'list', ...common])).stdout).toContain('nenhuma regra');
  }, 180_000);
});
