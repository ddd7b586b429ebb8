// Which code `cofre` runs: the built bundle (dist/cli, `npm run build:cli`) when it is newer than every
// source file it was built from, so a start loads one file; otherwise the TypeScript itself through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The source folders the CLI bundle is made of (src/cli/vite.config.ts); the renderer and relay are not. */
const SOURCES = ['cli', 'core', 'host', 'sandbox', 'shared'];

/** The newest modification time of a file, or of a folder and everything in it. */
function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The bundle's path when it may be run, or null (missing, stale, or COFRE_FROM_SOURCE=1). */
export function freshBundle(root) {
  if (process.env['COFRE_FROM_SOURCE'] === '1') return null;
  const bundle = join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(bundle)) return null;
  const built = statSync(bundle).mtimeMs;
  const sources = [...SOURCES.map((s) => join(root, 'src', s)), join(root, 'package.json')];
  return sources.every((s) => !existsSync(s) || newestMtime(s) <= built) ? bundle : null;
}
