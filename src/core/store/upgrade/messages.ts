// What the upgrade thread is given and what it sends back (upgrade-in-worker.ts, worker.ts).
import type { AppErrorData } from '../../../shared/errors';
import type { StoreProgress } from '../store-progress';

export interface UpgradeJob {
  file: string;
  /** The key as 64 hex characters (a Buffer would arrive as a plain Uint8Array). */
  hexKey: string;
  migrateTo?: number;
  /** Only when running from source: the TypeScript entry the tsx bootstrap imports. */
  entry?: string;
}

export type UpgradeReply =
  { type: 'progress'; progress: StoreProgress } | { type: 'done' } | { type: 'failed'; error: AppErrorData };
