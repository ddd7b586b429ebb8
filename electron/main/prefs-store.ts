// Opens the shell's preferences with electron-store; a file that fails validation is kept aside, not lost.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Store, { type Schema } from 'electron-store';
import type { Logger } from '../../src/core';
import { PREFS_DEFAULTS, PREFS_MIGRATIONS, prefsJsonSchema, type Prefs } from './prefs-schema';

const NAME = 'shell-prefs';

export type PrefsStore = Pick<Store<Prefs>, 'get' | 'set' | 'path'>;

function open(dir: string): Store<Prefs> {
  return new Store<Prefs>({
    name: NAME,
    cwd: dir,
    defaults: PREFS_DEFAULTS,
    // Derived from the zod schema at runtime, so TypeScript cannot see it matches Prefs key by key.
    schema: prefsJsonSchema() as Schema<Prefs>,
    migrations: PREFS_MIGRATIONS,
    // Throw instead of silently clearing, so the bad file is kept for the user to look at.
    clearInvalidConfig: false,
  });
}

/** `dir` is Electron's userData folder; the file is `shell-prefs.json` in it. */
export function openPrefs(dir: string, logger: Logger): PrefsStore {
  try {
    return open(dir);
  } catch (error) {
    const file = join(dir, `${NAME}.json`);
    if (!existsSync(file)) throw error;
    const aside = `${file}.invalid-${Date.now()}`;
    renameSync(file, aside);
    logger.warn({ err: error, aside }, 'shell preferences were invalid; kept aside, starting from defaults');
    return open(dir);
  }
}
