// The shell's own preferences (window, key store choice): one zod schema, its JSON Schema, and migrations.
//
// The core keeps its settings (credentials, sync interval…) in its own settings.json, the file the CLI and
// browser mode read too; electron-store holds only what exists because there is a desktop shell.
import { z } from 'zod';

export const WindowPrefs = z.object({
  width: z.int().min(800).max(10_000),
  height: z.int().min(560).max(10_000),
  x: z.int().optional(),
  y: z.int().optional(),
  maximized: z.boolean(),
});
export type WindowPrefs = z.infer<typeof WindowPrefs>;

export const Prefs = z.object({
  window: WindowPrefs,
  /** 'passphrase' once the user opted out of the OS keystore (Linux without a keyring). */
  keystore: z.enum(['os', 'passphrase']),
});
export type Prefs = z.infer<typeof Prefs>;

export const PREFS_DEFAULTS: Prefs = {
  window: { width: 1200, height: 800, maximized: false },
  keystore: 'os',
};

/** The per-key JSON Schema electron-store (conf) validates with, derived from the zod schema. */
export function prefsJsonSchema(): Record<string, object> {
  const schema = z.toJSONSchema(Prefs, { target: 'draft-2020-12' }) as { properties: Record<string, object> };
  return schema.properties;
}

/** The slice of a conf/electron-store instance a migration uses. */
export interface MigratingStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  has(key: string): boolean;
}

/**
 * Keyed by the app version that introduced the change (conf runs each once, in order). 0.1.0 is the first
 * release; its migration carries over the key names of the development builds before it (`windowBounds`,
 * `usePassphrase: boolean`) and does nothing on a fresh file.
 */
export const PREFS_MIGRATIONS: Record<string, (store: MigratingStore) => void> = {
  '0.1.0': (store) => {
    if (store.has('windowBounds')) {
      const old = WindowPrefs.partial().safeParse(store.get('windowBounds'));
      if (old.success) store.set('window', { ...PREFS_DEFAULTS.window, ...old.data });
      store.delete('windowBounds');
    }
    if (store.has('usePassphrase')) {
      store.set('keystore', store.get('usePassphrase') === true ? 'passphrase' : 'os');
      store.delete('usePassphrase');
    }
  },
};
