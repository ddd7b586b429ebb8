// Where `--out` may write: never inside the data dir, never through a symlink, never over a file without
// --force; always a new owner-only (0600) temp file renamed (or linked, without --force) into place.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { AppError } from '../shared/errors';

export interface OutFileOptions {
  /** The data dir of this run: the key, the secrets and the DB live there, so nothing is written inside. */
  dataDir: string;
  /** Replace an existing regular file (never a symlink, a folder or a device). */
  force: boolean;
}

/** The target with its folder's symlinks resolved, checked; throws `invalid_input` saying why not. */
export function checkOutFile(path: string, options: OutFileOptions): string {
  const wanted = resolve(path);
  let folder: string;
  try {
    folder = realpathSync(dirname(wanted));
  } catch (error) {
    throw new AppError('invalid_input', `--out: the folder ${dirname(wanted)} does not exist.`, {
      cause: error,
    });
  }
  const target = join(folder, basename(wanted));
  const data = realpathSync(options.dataDir);
  if (target === data || target.startsWith(`${data}${sep}`)) {
    throw new AppError(
      'invalid_input',
      `--out ${path} is inside the data dir (${data}), which holds the key and the database; choose another place.`,
    );
  }
  const existing = lstatOrNull(target);
  if (existing?.isSymbolicLink()) {
    throw new AppError('invalid_input', `--out ${path} is a symbolic link; Cofre never writes through one.`);
  }
  if (existing && !existing.isFile()) {
    throw new AppError('invalid_input', `--out ${path} exists and is not a regular file.`);
  }
  if (existing && !options.force) {
    throw new AppError('invalid_input', `--out ${path} already exists; pass --force to replace it.`);
  }
  return target;
}

/** Writes `content` to the checked target through a fresh 0600 temp file beside it. */
export function writeOutFile(path: string, content: string | Uint8Array, options: OutFileOptions): string {
  const target = checkOutFile(path, options);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // O_EXCL | O_NOFOLLOW: the temp name is new, so nothing planted there can redirect the write.
  const fd = openSync(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    try {
      // writeFileSync on a descriptor loops until every byte is written (writeSync may stop short).
      writeFileSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // rename replaces the directory entry (a symlink planted since the check included), never what it
    // points to; without --force, link fails if anything appeared at the target meanwhile.
    if (options.force) renameSync(temp, target);
    else linkSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('invalid_input', `--out ${path} already exists; pass --force to replace it.`, {
        cause: error,
      });
    }
    throw error;
  }
  rmSync(temp, { force: true });
  return target;
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
