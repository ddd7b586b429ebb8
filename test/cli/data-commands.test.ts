import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const dataDir = tempDir();
const common = ['--demo', '--data-dir', dataDir, '--demo-execution-ms', '200'];

describe('the cofre data commands (demo mode, app closed)', () => {
  let itemId = '';

  it('connect creates and syncs an item, then status --json describes it', async () => {
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
    itemId = connect.stdout.split(' ')[0]!;
    const status = await runCli(['status', ...common, '--json']);
    expect(status.code).toBe(0);
    const rows = JSON.parse(status.stdout) as Record<string, unknown>[];
    expect(rows).toEqual([
      {
        itemId,
        connector: 'Pluggy Bank',
        status: 'UPDATED',
        executionStatus: 'SUCCESS',
        lastSyncedAt: expect.any(String),
        syncing: false,
        message: 'Tudo certo com Pluggy Bank. Os dados estão atualizados.',
        action: 'none',
      },
    ]);
    const english = await runCli(['status', ...common, '--json', '--lang', 'en']);
    expect(english.stdout).toContain('All good with Pluggy Bank');
  }, 60_000);

  it('sync exits 0 on success and reports progress', async () => {
    const sync = await runCli(['sync', ...common]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).toContain('done');
  }, 60_000);

  it('sync exits non-zero when a connection fails', async () => {
    const bad = await runCli([
      'connect',
      ...common,
      '--connector',
      '0',
      '--user',
      'user-locked',
      '--password',
      'password-ok',
    ]);
    expect(bad.code).not.toBe(0);
    const sync = await runCli(['sync', ...common]);
    expect(sync.code).not.toBe(0);
    expect(sync.stderr).toContain('bloqueada');
  }, 60_000);

  it('export writes CSV with a header row and the Pluggy id column', async () => {
    const csv = await runCli(['export', ...common, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const [header, first] = csv.stdout.split('\r\n');
    expect(header!.split(',')[0]).toBe('id');
    expect(first).toMatch(/^[0-9a-f-]{36},/);
    const ptBr = await runCli(['export', ...common, '--format', 'csv', '--locale', 'pt-BR']);
    expect(ptBr.code).toBe(0);
    expect(ptBr.stdout.startsWith('\uFEFFid;data;conta;numero_conta;')).toBe(true);
    expect(ptBr.stdout.split('\r\n')[1]).toMatch(/^[0-9a-f-]{36};\d{2}\/\d{2}\/\d{4};/);
    expect((await runCli(['export', ...common, '--format', 'csv', '--locale', 'fr'])).code).not.toBe(0);
    const ofx = await runCli(['export', ...common, '--format', 'ofx']);
    expect(ofx.stdout).toContain('<OFX>');
    expect(ofx.stdout).toContain('<STMTTRN>');
  }, 60_000);

  it('audit lists entries and verify checks the chain', async () => {
    const audit = await runCli([
      'audit',
      ...common,
      '--action',
      'open_finance.sync.',
      '--json',
      '--limit',
      '5',
    ]);
    expect(audit.code).toBe(0);
    const lines = audit.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string });
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.action.startsWith('open_finance.sync.')).toBe(true);
    const verify = await runCli(['audit', 'verify', ...common]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit chain ok/);
  }, 60_000);

  it('refuses bad arguments with one line and a non-zero exit', async () => {
    const result = await runCli(['export', ...common, '--format', 'xls']);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
