// Test helper: a temp dir per test with a fresh random key, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface TempDb {
  dir: string;
  file: string;
  key: Buffer;
  cleanup(): void;
}

export function tempDb(prefix = 'cofre-store-'): TempDb {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: join(dir, 'cofre.db'),
    key: randomBytes(32),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
