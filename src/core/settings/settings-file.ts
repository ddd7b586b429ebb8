// Settings on disk: one JSON file, validated with zod, written atomically; a corrupt file is kept, never lost.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/errors';

/** The KeyStore name of the Pluggy client secret (it never goes into the settings file). */
export const CLIENT_SECRET_NAME = 'pluggy.clientSecret';

export const StoredSettings = z.object({
  version: z.literal(1).default(1),
  pluggyClientId: z.string().nullable().default(null),
  /** Demo mode even when credentials are set (to show someone the app without their banks). */
  demoMode: z.boolean().default(false),
  relayUrl: z.string().nullable().default(null),
  syncIntervalMinutes: z.number().int().min(15).max(1440).default(60),
  notifications: z.boolean().default(true),
});
export type StoredSettings = z.infer<typeof StoredSettings>;

export interface SettingsFile {
  read(): StoredSettings;
  update(patch: Partial<StoredSettings>): StoredSettings;
  /** Set when the file on disk could not be read; the app runs on defaults until the user saves. */
  problem(): AppError | null;
}

export function openSettingsFile(file: string): SettingsFile {
  let problem: AppError | null = null;
  let current = load();

  function load(): StoredSettings {
    if (!existsSync(file)) return StoredSettings.parse({});
    try {
      return StoredSettings.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      problem = new AppError('settings_corrupt', 'The settings file is corrupt; Cofre is using defaults.', {
        details: { file },
        cause: error,
      });
      return StoredSettings.parse({});
    }
  }

  return {
    read: () => current,
    problem: () => problem,
    update(patch) {
      const next = StoredSettings.parse({ ...current, ...patch });
      if (problem) {
        // Keep the unreadable file next to the new one, so nothing the user had is lost.
        renameSync(file, `${file}.corrupt-${Date.now()}`);
        problem = null;
      }
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      renameSync(tmp, file);
      current = next;
      return next;
    },
  };
}
