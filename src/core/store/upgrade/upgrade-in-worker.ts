// Brings a DB to the current cipher and schema on a worker thread, so the host keeps answering (and showing
// progress) during a conversion or a migration that rewrites a million rows. A DB with nothing to do, a new
// one, or one that cannot be read (wrong key, damaged, from the future) is left to `openDatabase`, which
// says why on the calling thread exactly as before.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { CURRENT_SCHEME } from '../cipher-scheme';
import { keyToHex, type DbKeyInput } from '../db-key';
import { LATEST_VERSION } from '../migrate';
import { inspectDatabase } from '../open';
import type { StoreProgressListener } from '../store-progress';
import type { UpgradeJob, UpgradeReply } from './messages';

export interface UpgradeOptions {
  file: string;
  key: DbKeyInput;
  migrateTo?: number;
  /** Hears the upgrade's progress as one fraction over conversion and migrations together. */
  onProgress?: StoreProgressListener;
}

export interface UpgradePlan {
  convert: boolean;
  migrate: boolean;
}

/** What opening `file` would do that takes long; nothing when it cannot be read (open reports that). */
export function planUpgrade(file: string, key: DbKeyInput, migrateTo = LATEST_VERSION): UpgradePlan {
  try {
    const { scheme, version } = inspectDatabase(file, key);
    return { convert: scheme !== CURRENT_SCHEME, migrate: version < migrateTo };
  } catch {
    // Not found, wrong key, damaged or from the future: openDatabase, on the caller's thread, refuses it
    // with its own clear error; this thread has nothing to add.
    return { convert: false, migrate: false };
  }
}

/** Where the thread's code is: beside this module from source (through tsx), beside the bundle once built. */
function workerUrl(job: UpgradeJob): { url: URL; job: UpgradeJob } {
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL('./worker.ts', import.meta.url).href;
    return { url: new URL('../../sync/page-decoder/ts-worker.mjs', import.meta.url), job: { ...job, entry } };
  }
  // electron.vite.config.ts and the CLI bundle build worker.ts as its own entry, next to the main bundle.
  return { url: new URL('./upgrade-worker.js', import.meta.url), job };
}

/** Resolves once the DB needs no conversion and no migration; rejects with the DB's AppError. */
export async function upgradeDatabase(options: UpgradeOptions): Promise<UpgradePlan> {
  const plan = planUpgrade(options.file, options.key, options.migrateTo);
  if (!plan.convert && !plan.migrate) return plan;
  const onProgress = options.onProgress ?? (() => {});
  const start = workerUrl({
    file: options.file,
    hexKey: keyToHex(options.key),
    ...(options.migrateTo === undefined ? {} : { migrateTo: options.migrateTo }),
  });
  // With both to do, the conversion is the first half of what the person sees and the migrations the second.
  const both = plan.convert && plan.migrate;
  const overall = (task: 'convert_cipher' | 'migrate', fraction: number): number =>
    both ? (task === 'convert_cipher' ? fraction / 2 : 0.5 + fraction / 2) : fraction;
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(start.url, { workerData: start.job });
    let settled = false;
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve();
    };
    worker.on('message', (reply: UpgradeReply) => {
      if (reply.type === 'progress') {
        const { task, fraction } = reply.progress;
        onProgress({ ...reply.progress, fraction: overall(task, fraction) });
      } else if (reply.type === 'done') settle();
      else settle(AppError.fromData(reply.error));
    });
    worker.on('error', (err) =>
      settle(new AppError('unavailable', 'The database upgrade stopped.', { cause: err })),
    );
    worker.on('exit', (code) =>
      settle(
        new AppError('unavailable', 'The database upgrade stopped before it finished.', {
          details: { exitCode: code },
        }),
      ),
    );
  });
  return plan;
}
