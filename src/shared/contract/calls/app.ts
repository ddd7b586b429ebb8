// Calls about the app itself: what it is and how healthy it is.
import { z } from 'zod';
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

export const appCalls = {
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
