// What the relay's store migrations share, SQLite or Redis: numbered steps, a plan, the from-the-future refusal.
import { AppError } from '../../../shared/errors';

export interface StepInfo {
  version: number;
  name: string;
}

export interface MigrationStep<Target> extends StepInfo {
  up(target: Target): void | Promise<void>;
}

export interface SchemaStatus {
  kind: 'sqlite' | 'redis';
  /** Where the store is: the SQLite file, or the Redis key prefix (never the URL: it may hold a password). */
  location: string;
  /** False for a SQLite file that does not exist yet (a first start creates it). */
  exists: boolean;
  version: number;
  latest: number;
  applied: StepInfo[];
  pending: StepInfo[];
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: StepInfo[];
}

/** Called before each step runs, so a command can print progress. */
export type MigrationProgress = (step: StepInfo, index: number, total: number) => void;

export function latestVersion(steps: readonly StepInfo[]): number {
  return steps.reduce((max, s) => Math.max(max, s.version), 0);
}

export function splitSteps<S extends StepInfo>(steps: readonly S[], version: number) {
  const sorted = [...steps].sort((a, b) => a.version - b.version);
  return {
    applied: sorted.filter((s) => s.version <= version),
    pending: sorted.filter((s) => s.version > version),
  };
}

export const stepInfo = ({ version, name }: StepInfo): StepInfo => ({ version, name });

/** The same refusal as the app's database: a newer relay wrote this store; this one must not touch it. */
export function refuseFromFuture(kind: 'sqlite' | 'redis', version: number, latest: number): void {
  if (version <= latest) return;
  throw new AppError(
    'db_from_future',
    `The relay store was written by a newer version of Cofre (schema v${version}; this relay knows up to v${latest}). Nothing was changed: run the newer relay, or restore a backup.`,
    { details: { store: kind, version, latest } },
  );
}
