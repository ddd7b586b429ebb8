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

export const appCalls = {
  'app.info': call(NoInput, AppInfo),
  'health.get': call(NoInput, Health),
};

export const appEvents = {
  /** The health snapshot changed (a check flipped); the Diagnostics screen refetches. */
  'health.changed': event(z.object({ status: Health.shape.status, at: z.iso.datetime() })),
};
