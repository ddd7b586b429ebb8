import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: bin/ is plain JavaScript, run by node without a build
import { freshBundle } from '../../bin/cli-bundle.js';
import { tempDir } from '../helpers/temp-dir';

const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

function project(): { root: string; bundle: string; source: string } {
  const root = tempDir('cofre-cli-bundle-');
  mkdirSync(join(root, 'dist/cli'), { recursive: true });
  mkdirSync(join(root, 'src/core/store'), { recursive: true });
  const bundle = join(root, 'dist/cli/main.js');
  const source = join(root, 'src/core/store/open.ts');
  writeFileSync(bundle, '');
  writeFileSync(source, '');
  writeFileSync(join(root, 'package.json'), '{}');
  for (const f of [source, join(root, 'src/core/store'), join(root, 'src/core'), join(root, 'package.json')])
    at(f, 1_000);
  return { root, bundle, source };
}

describe('which code `cofre` runs', () => {
  afterEach(() => {
    delete process.env['COFRE_FROM_SOURCE'];
  });

  it('runs the built bundle while it is newer than every source file', () => {
    const { root, bundle } = project();
    at(bundle, 2_000);
    expect(freshBundle(root)).toBe(bundle);
  });

  it('runs the TypeScript when one source file changed after the build, or when asked to', () => {
    const { root, bundle, source } = project();
    at(bundle, 2_000);
    at(source, 3_000);
    expect(freshBundle(root)).toBeNull();
    at(source, 1_000);
    process.env['COFRE_FROM_SOURCE'] = '1';
    expect(freshBundle(root)).toBeNull();
  });

  it('runs the TypeScript when nothing is built', () => {
    const root = tempDir('cofre-cli-nobundle-');
    expect(freshBundle(root)).toBeNull();
  });
});
