import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/core/audit';
import { openDatabase } from '../../../src/core/store';
import { tempDb, type TempDb } from './temp-db';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const PAGE = 500;

/** Starts the writer, lets it commit at least `pages` pages, then SIGKILLs it mid-way through the next. */
function runAndKill(t: TempDb, pages: number, extraDelayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WRITER, t.file, t.key.toString('hex'), String(PAGE)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let seen = 0;
    let stderr = '';
    let killing = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      seen += chunk.split('\n').filter((l) => l.startsWith('page ')).length;
      if (seen >= pages && !killing) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraDelayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(seen);
      else reject(new Error(`writer exited (${code}) before the kill: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => t.cleanup());

  it('a writer killed between and during pages leaves only whole pages, each with its audit entry', async () => {
    for (const [pages, delay] of [
      [3, 0],
      [2, 7],
      [2, 23],
    ] as const) {
      const reported = await runAndKill(t, pages, delay);
      const db = openDatabase({ file: t.file, key: t.key });
      try {
        const count = Number(db.prepare('SELECT count(*) FROM transactions').pluck().get());
        expect(count % PAGE).toBe(0);
        const committed = count / PAGE;
        expect(committed).toBeGreaterThanOrEqual(reported);
        const ids = db.prepare('SELECT id FROM transactions ORDER BY id').pluck().all() as string[];
        expect(ids[ids.length - 1]).toBe(`tx-acc-1-${String(count - 1).padStart(8, '0')}`);
        expect(
          db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'open_finance.sync.page'`).pluck().get(),
        ).toBe(committed);
        expect(verifyAuditChain(db).ok).toBe(true);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(
          db
            .prepare(`SELECT count(*) FROM transactions_fts WHERE transactions_fts MATCH 'compra'`)
            .pluck()
            .get(),
        ).toBe(
          db.prepare(`SELECT count(*) FROM transactions WHERE description LIKE 'Compra %'`).pluck().get(),
        );
      } finally {
        db.close();
      }
    }
  });
});
