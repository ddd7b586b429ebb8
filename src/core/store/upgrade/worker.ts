// The upgrade thread: opens one DB (converting its cipher and migrating it), closes it, and reports as it goes.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../open';
import type { UpgradeJob, UpgradeReply } from './messages';

const port = parentPort;
if (!port) throw new Error('The database upgrade must run as a worker thread.');
const job = workerData as UpgradeJob;
const send = (reply: UpgradeReply): void => port.postMessage(reply);
try {
  openDatabase({
    file: job.file,
    key: job.hexKey,
    ...(job.migrateTo === undefined ? {} : { migrateTo: job.migrateTo }),
    onProgress: (progress) => send({ type: 'progress', progress }),
  }).close();
  send({ type: 'done' });
} catch (err) {
  const error =
    err instanceof AppError
      ? err
      : new AppError('unavailable', 'The database could not be upgraded.', {
          details: { reason: err instanceof Error ? err.message : String(err) },
        });
  send({ type: 'failed', error: error.toJSON() });
}
