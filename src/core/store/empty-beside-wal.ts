// A DB file that is empty or missing while its WAL holds data is damage (a failed copy, a partial restore),
// not a new DB: opening it would start a fresh database and SQLite would discard the WAL with the data.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Throws `db_corrupt` (touching nothing) when `file` is empty or absent but `file-wal` is not. */
export function refuseEmptyBesideWal(file: string): void {
  const wal = `${file}-wal`;
  const walBytes = sizeOf(wal) ?? 0;
  if (walBytes === 0 || (sizeOf(file) ?? 0) > 0) return;
  const name = basename(file);
  throw new AppError(
    'db_corrupt',
    `The database file ${name} is empty, but its write-ahead log ${basename(wal)} holds data: the database ` +
      `was damaged or only partly restored. Cofre changed nothing. Restore ${name} together with ` +
      `${basename(wal)} from your backup, or move both aside to start an empty database.`,
    { details: { file, walBytes } },
  );
}
