// Vitest global setup: makes sure the renderer is built, since `cofre serve` serves the built files.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (existsSync(`${root}dist/renderer/index.html`)) return;
  execFileSync('npx', ['vite', 'build', '--config', 'src/renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
