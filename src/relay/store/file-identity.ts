// Whether the files a SQLite store has open are still the files at their paths: a deleted or replaced file
// takes every write made through the old handle with it when the relay restarts.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';

export interface FileIdentity {
  /** Throws `unavailable`, saying which file and what to do, when a file was deleted or replaced. */
  check(): void;
}

export function fileIdentity(files: readonly string[]): FileIdentity {
  const opened = files.map((file) => ({ file, ...inode(file) }));
  return {
    check() {
      for (const { file, dev, ino } of opened) {
        let now: { dev: number; ino: number };
        try {
          now = inode(file);
        } catch (error) {
          throw gone(file, 'was deleted', error);
        }
        if (now.dev !== dev || now.ino !== ino) throw gone(file, 'was replaced by another file');
      }
    },
  };
}

function inode(file: string): { dev: number; ino: number } {
  const st = statSync(file);
  return { dev: st.dev, ino: st.ino };
}

function gone(file: string, what: string, cause?: unknown): AppError {
  return new AppError(
    'unavailable',
    `The relay's store file ${basename(file)} ${what} while the relay had it open: anything stored now ` +
      'would be lost at the next restart. Restore the file (or accept the loss) and restart the relay.',
    { details: { file }, ...(cause === undefined ? {} : { cause }) },
  );
}
