#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary exists; otherwise the same app in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const passThrough = process.argv.slice(2);

function electronBinary() {
  const pathFile = `${root}node_modules/electron/path.txt`;
  if (!existsSync(pathFile)) return undefined;
  const binary = `${root}node_modules/electron/dist/${readFileSync(pathFile, 'utf8').trim()}`;
  return existsSync(binary) ? binary : undefined;
}

function build(args) {
  // Tests of npm start set this when the build already exists, so a run never rebuilds under other tests.
  if (process.env['COFRE_START_SKIP_BUILD'] === '1') return;
  const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
if (binary) {
  build(['electron-vite', 'build', '--config', 'electron/electron.vite.config.ts', '--logLevel', 'warn']);
  forward(spawn(binary, [root, ...passThrough], { cwd: root, stdio: 'inherit' }));
} else {
  console.log(
    "Electron's binary is not installed on this machine (it could not be downloaded), so Cofre starts in browser mode: open the URL below.",
  );
  build(['vite', 'build', '--config', 'src/renderer/vite.config.ts', '--logLevel', 'warn']);
  // The CLI as one built file: `cofre serve` then starts without compiling TypeScript (bin/cli-bundle.js).
  build(['vite', 'build', '--config', 'src/cli/vite.config.ts', '--logLevel', 'warn']);
  forward(
    spawn(process.execPath, [`${root}bin/cofre.js`, 'serve', ...passThrough], {
      cwd: root,
      stdio: 'inherit',
    }),
  );
}
