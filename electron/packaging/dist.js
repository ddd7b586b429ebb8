#!/usr/bin/env node
// `npm run dist [-- --linux|--mac|--win]`: builds out/ with electron-vite, packages with electron-builder,
// then restores the Node build of the native SQLite module (electron-builder rebuilt it for Electron).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(command, args) {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

let status = step(npx, ['electron-vite', 'build', '--config', 'electron/electron.vite.config.ts']);
if (status === 0) {
  status = step(npx, ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
}
// Always, even after a failed packaging: the tests and the CLI need the module built for Node.
const restored = step(npm, ['rebuild', 'better-sqlite3-multiple-ciphers']);
if (restored !== 0)
  console.error('Could not restore the Node build: run `npm rebuild better-sqlite3-multiple-ciphers`.');
process.exit(status !== 0 ? status : restored);
