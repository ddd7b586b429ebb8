// Health of the running core: one check per subsystem, each a plain sentence a user can act on.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Health, HealthCheck, AppMode } from '../../shared/contract';
import type { Clock } from '../clock';

/** A subsystem reports on itself; later modules (store, relay, cache) register one each. */
export type HealthProbe = () => Promise<HealthCheck>;

export function dataDirProbe(dir: string): HealthProbe {
  return async (): Promise<HealthCheck> => {
    try {
      await access(dir, constants.W_OK);
      return { name: 'dataDir', ok: true, messageKey: 'dataDir.writable', messageParams: {}, detail: dir };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      return {
        name: 'dataDir',
        ok: false,
        messageKey: 'dataDir.notWritable',
        messageParams: { code },
        detail: `${dir} is not writable (${code})`,
      };
    }
  };
}

export interface HealthInput {
  version: string;
  mode: AppMode;
  dataDir: string;
  startedAt: number;
  clock: Clock;
  probes: HealthProbe[];
}

export async function readHealth(input: HealthInput): Promise<Health> {
  const checks = await Promise.all(input.probes.map((probe) => probe()));
  return {
    status: checks.every((c) => c.ok) ? 'ok' : 'degraded',
    version: input.version,
    mode: input.mode,
    startedAt: new Date(input.startedAt).toISOString(),
    uptimeSeconds: Math.max(0, (input.clock.now() - input.startedAt) / 1000),
    nodeVersion: process.version,
    dataDir: input.dataDir,
    checks,
  };
}
