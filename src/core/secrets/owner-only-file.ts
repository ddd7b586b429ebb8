// Files that hold key material: written atomically with mode 0600, refused when others can read them.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors';

/** Throws `keystore_insecure` when group or others may read/write the file (POSIX only). */
export function assertOwnerOnly(file: string): void {
  if (process.platform === 'win32') return; // NTFS ACLs, not mode bits; the per-user profile dir protects it
  const st = statSync(file);
  if ((st.mode & 0o077) !== 0) {
    throw new AppError('keystore_insecure', `Other users can access ${file}; run: chmod 600 "${file}"`, {
      details: { file, mode: (st.mode & 0o777).toString(8) },
    });
  }
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new AppError('keystore_insecure', `${file} belongs to another user.`, { details: { file } });
  }
}

/** Creates the parent folder (0700) if needed. */
export function ensureParentDir(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
}

/** Writes `data` to `file` through a 0600 temp file and a rename, so a crash never leaves half a file. */
export function writeOwnerOnlyAtomic(file: string, data: string): void {
  ensureParentDir(file);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** Creates `file` with `data` only if it does not exist yet; false when another writer got there first. */
export function createOwnerOnlyExclusive(file: string, data: string): boolean {
  ensureParentDir(file);
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}
