// Test helpers proving a refused open: the error's code, and a hash of the bytes it must not have changed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../../../src/shared/errors';

/** The main file's bytes plus any WAL content (an empty -wal left by a read-only probe holds no data). */
export function fingerprint(file: string): string {
  const h = createHash('sha256');
  for (const f of [file, `${file}-wal`])
    h.update(existsSync(f) ? readFileSync(f) : Buffer.alloc(0)).update('|');
  return h.digest('hex');
}

/** The code of the AppError `fn` throws; anything else fails the test. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected an AppError');
}
