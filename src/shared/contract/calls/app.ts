// Calls about the app itself: what it is and how healthy it is.
import { z } from 'zod';
import { AppErrorData } from '../../errors';
import { call, event, NoInput } from '../define';

export const AppMode = z.enum(['demo', 'live']);
export type AppMode = z.infer<typeof AppMode>;

export const AppInfo = z.object({
  name: z.literal('Cofre'),
  version: z.string(),
  mode: AppMode,
  host: z.enum(['electron', 'browser', 'cli', 'test']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const HealthCheck = z.object({
  name: z.string(),
  ok: z.boolean(),
  /** The check's result in words the screen translates (`diagnostics.checkDetails.*`; `error` = an error code). */
  messageKey: z.string(),
  messageParams: z.record(z.string(), z.string()),
  /** The raw detail (paths, codes, English), for support only. */
  detail: z.string(),
});
export type HealthCheck = z.infer<typeof HealthCheck>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  mode: AppMode,
  startedAt: z.iso.datetime(),
  uptimeSeconds: z.number().nonnegative(),
  nodeVersion: z.string(),
  dataDir: z.string(),
  checks: z.array(HealthCheck),
});
export type Health = z.infer<typeof Health>;

export const DatabaseStats = z.object({
  fileBytes: z.number().int(),
  walBytes: z.number().int(),
  schemaVersion: z.number().int(),
  journalMode: z.string(),
  rows: z.record(z.string(), z.number().int()),
  lastVacuumAt: z.string().nullable(),
  /** Only when an integrity check was asked for: ['ok'] or what SQLite found wrong. */
  integrity: z.array(z.string()).nullable(),
  cache: z.object({
    ok: z.boolean(),
    entries: z.number().int().nullable(),
    lastError: z.string().nullable(),
  }),
});
export type DatabaseStats = z.infer<typeof DatabaseStats>;

/**
 * Where the app is in starting: the host answers this before the core exists, so the page can show a long
 * conversion or migration ("Atualizando seus dados: 45%") instead of nothing. `failed`: the core could not
 * start at all (a database that merely cannot open still starts the app, which says why).
 */
export const AppStartup = z.object({
  state: z.enum(['starting', 'upgrading', 'ready', 'failed']),
  /** While upgrading: re-encrypting the file or migrating its rows. */
  task: z.enum(['convert_cipher', 'migrate']).nullable(),
  /** While upgrading: whole percent done, 0–100. */
  percent: z.number().int().min(0).max(100).nullable(),
  error: AppErrorData.nullable(),
});
export type AppStartup = z.infer<typeof AppStartup>;

export const appCalls = {
  /** Answered by the host itself until the core is ready; always `ready` from the core. */
  'app.startup': call(NoInput, AppStartup),
  'app.info': call(NoInput, AppInfo),
  'health.get': call(NoInput, Health),
  /** Sizes, rows per table and cache health; `integrityCheck` adds a full (slow) check. */
  'diagnostics.database': call(
    z.object({ integrityCheck: z.boolean().default(false) }).strict(),
    DatabaseStats,
  ),
};

export const appEvents = {
  /** The health snapshot changed (a check flipped); the Diagnostics screen refetches. */
  'health.changed': event(z.object({ status: Health.shape.status, at: z.iso.datetime() })),
};
