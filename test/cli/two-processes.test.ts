// `cofre status` beside a running `cofre sync` on one data dir: it shows the other process's run as running,
// and once that process is SIGKILLed, the next command to open the data dir ends its run as interrupted.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSyncRuns, openDatabase } from '../../src/core/store';
import { COFRE_BIN, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const dataDir = tempDir('cofre-cli-two-');
const env = { COFRE_DB_KEY: randomBytes(32).toString('hex') };
const common = ['--demo', '--data-dir', dataDir];

interface StatusRow {
  itemId: string;
  syncing: boolean;
}

async function status(): Promise<StatusRow[]> {
  const res = await runCli(['status', ...common, '--json'], env);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as StatusRow[];
}

function runs(itemId: string) {
  const db = openDatabase({
    file: join(dataDir, 'demo', 'cofre.db'),
    key: Buffer.from(env.COFRE_DB_KEY, 'hex'),
  });
  try {
    return listSyncRuns(db, itemId);
  } finally {
    db.close();
  }
}

describe('two cofre processes on one data dir', () => {
  it('status shows the other process syncing; after it is killed, the next opener interrupts its run', async () => {
    const connect = await runCli(
      [
        'connect',
        ...common,
        '--demo-execution-ms',
        '200',
        '--connector',
        '0',
        '--user',
        'user-ok',
        '--password',
        'password-ok',
      ],
      env,
    );
    expect(connect.code, connect.stderr).toBe(0);
    const itemId = connect.stdout.split(' ')[0]!;
    expect((await status())[0]).toMatchObject({ itemId, syncing: false });

    // A sync whose bank takes long: it stays running while other commands come and go.
    const sync = spawn(process.execPath, [COFRE_BIN, 'sync', ...common, '--demo-execution-ms', '600000'], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      sync.on('exit', (_code, signal) => resolve(signal)),
    );
    await expect
      .poll(() => runs(itemId)[0]?.outcome === 'running' && runs(itemId).length === 2, { timeout: 60_000 })
      .toBe(true);
    const running = runs(itemId)[0]!;
    // This command's own open must leave the live process's run alone, and show it.
    expect((await status())[0]).toMatchObject({ itemId, syncing: true });
    const text = await runCli(['status', ...common], env);
    expect(text.stdout).toContain('sincronizando agora');
    expect(runs(itemId)[0]).toMatchObject({ id: running.id, outcome: 'running' });

    sync.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The next process to open the data dir finds the owner dead and ends its run.
    expect((await status())[0]).toMatchObject({ itemId, syncing: false });
    expect(runs(itemId)[0]).toMatchObject({ id: running.id, outcome: 'interrupted' });
  }, 240_000);
});
