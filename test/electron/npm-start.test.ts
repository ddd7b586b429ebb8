// `npm start` without Electron's binary: one line of explanation, then the same app in browser mode.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electronInstalled = existsSync(`${root}node_modules/electron/path.txt`);
const rendererBuilt = existsSync(`${root}dist/renderer/index.html`);

describe('npm start on a machine without the Electron binary', () => {
  const dataDir = tempDir('cofre-npm-start-');
  const child = electronInstalled
    ? null
    : spawn(
        process.execPath,
        [`${root}bin/start.js`, '--port', '0', '--data-dir', dataDir, '--demo', '--demo-execution-ms', '50'],
        {
          cwd: root,
          // The renderer is built by `npm test` before vitest; build it here only when it is missing.
          env: { ...process.env, COFRE_START_SKIP_BUILD: rendererBuilt ? '1' : '0' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
  let stdout = '';
  let stderr = '';
  child?.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child?.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  it.skipIf(electronInstalled)(
    'explains in one line, then serves the app at a local URL',
    async () => {
      const deadline = Date.now() + 90_000;
      let match: RegExpMatchArray | null = null;
      while (!match && Date.now() < deadline && child?.exitCode === null) {
        match = stdout.match(/Cofre is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/);
        if (!match) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(match, `stdout: ${stdout}\nstderr: ${stderr}`).not.toBeNull();
      const lines = stdout.split('\n').filter((l) => l.trim() !== '');
      expect(lines[0]).toMatch(/^Electron's binary is not installed on this machine .* browser mode/);
      expect(lines[0]).not.toContain('\n');
      const response = await fetch(match![1]!);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root"></div>');
    },
    120_000,
  );
});
