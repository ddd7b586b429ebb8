// The shell prefs' schema and migrations, run through conf (the engine electron-store wraps) in plain Node.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf, { type Schema } from 'conf';
import { describe, expect, it } from 'vitest';
import {
  PREFS_DEFAULTS,
  PREFS_MIGRATIONS,
  prefsJsonSchema,
  type Prefs,
} from '../../electron/main/prefs-schema';
import { tempDir } from '../helpers/temp-dir';

function open(cwd: string, projectVersion = '0.1.0') {
  return new Conf<Prefs>({
    cwd,
    configName: 'shell-prefs',
    projectName: 'cofre-test',
    projectVersion,
    defaults: PREFS_DEFAULTS,
    schema: prefsJsonSchema() as Schema<Prefs>,
    migrations: PREFS_MIGRATIONS,
    clearInvalidConfig: false,
  });
}

describe('shell preferences', () => {
  it('start from the defaults', () => {
    const prefs = open(tempDir('cofre-prefs-'));
    expect(prefs.get('window')).toEqual(PREFS_DEFAULTS.window);
    expect(prefs.get('keystore')).toBe('os');
  });

  it('refuse values outside the schema and keep the old value', () => {
    const prefs = open(tempDir('cofre-prefs-'));
    expect(() => prefs.set('keystore', 'plain' as Prefs['keystore'])).toThrow(/keystore/);
    expect(() => prefs.set('window', { width: 10, height: 10, maximized: false })).toThrow(/window/);
    expect(prefs.get('keystore')).toBe('os');
  });

  it('refuse to open an invalid file instead of clearing it', () => {
    const dir = tempDir('cofre-prefs-');
    writeFileSync(join(dir, 'shell-prefs.json'), JSON.stringify({ keystore: 'nonsense' }));
    expect(() => open(dir)).toThrow(/keystore/);
    expect(readFileSync(join(dir, 'shell-prefs.json'), 'utf8')).toContain('nonsense');
  });

  it('migrate the keys of the development builds before 0.1.0', () => {
    const dir = tempDir('cofre-prefs-');
    writeFileSync(
      join(dir, 'shell-prefs.json'),
      JSON.stringify({
        windowBounds: { width: 1000, height: 700, x: 5, y: 6 },
        usePassphrase: true,
        __internal__: { migrations: { version: '0.0.9' } },
      }),
    );
    const prefs = open(dir);
    expect(prefs.get('window')).toEqual({ width: 1000, height: 700, x: 5, y: 6, maximized: false });
    expect(prefs.get('keystore')).toBe('passphrase');
    expect(prefs.has('windowBounds' as keyof Prefs)).toBe(false);
    expect(prefs.has('usePassphrase' as keyof Prefs)).toBe(false);
  });

  it('derive the JSON Schema from the zod schema', () => {
    expect(Object.keys(prefsJsonSchema()).sort()).toEqual(['keystore', 'window']);
  });
});
