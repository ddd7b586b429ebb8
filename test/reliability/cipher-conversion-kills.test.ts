// Cipher conversion under SIGKILL: a child converting an old-scheme DB to AEGIS is killed at seeded points;
// each time the file still opens with the key, and the next open converts it with every row and audit entry.
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit';
import { openDatabase } from '../../src/core/store';
import { makeLegacyDb, schemeThatOpens } from '../core/store/legacy-db';
import { tempDir } from '../helpers/temp-dir';
import { writeFigures } from './figures';
import { seededRandom } from './prng';
import { FULL, SETTINGS } from './settings';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./workers/convert-child.ts', import.meta.url));
const ROWS = FULL ? 20_000 : 5_000;

const dir = tempDir('cofre-convert-kill-');
const key = randomBytes(32);
const template = join(dir, 'template.db');
const file = join(dir, 'cofre.db');
const random = seededRandom(20_261_204);
const figures = { runs: 0, killsSurvived: 0, killedBeforeRename: 0, killedAfterRename: 0, rowsLost: 0 };

interface Run {
  /** The last progress line before the kill, or `converted` when the child finished first. */
  last: string;
  ms: number | null;
}

/**
 * Starts the child on a fresh old-scheme copy and kills it `delayMs` after it is ready (null: never), or after
 * the line `after` when given.
 */
function runChild(delayMs: number | null, after = 'ready'): Promise<Run> {
  for (const f of readdirSync(dir)) if (f.startsWith('cofre.db')) rmSync(join(dir, f));
  copyFileSync(template, file);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, key.toString('hex')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { last: 'started', ms: null };
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (line === after && delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
        if (line.startsWith('converted ')) run.ms = Number(line.split(' ')[1]);
        run.last = line.startsWith('converted') ? 'converted' : line;
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(run);
      else reject(new Error(`converter exited (${code}): ${stderr}`));
    });
  });
}

beforeAll(() => makeLegacyDb(template, key, ROWS));
afterAll(() => {
  writeFigures('cipherConversionKills', figures);
});

describe('cipher conversion under SIGKILL', () => {
  it('leaves a database that opens with the key after a kill at any point, and converts it whole next time', async () => {
    const whole = await runChild(null);
    expect(whole.last).toBe('converted');
    const span = whole.ms ?? 1_000;
    for (let i = 0; i < SETTINGS.conversionKills; i++) {
      // Seeded points across the child's open and the whole conversion, a little past its usual end.
      const run = await runChild(Math.floor(random() * span * 1.2));
      figures.runs++;
      const scheme = schemeThatOpens(file, key);
      expect(scheme, `after a kill at "${run.last}"`).not.toBeNull();
      if (scheme === 'aegis') figures.killedAfterRename++;
      else figures.killedBeforeRename++;
      const db = openDatabase({ file, key });
      try {
        const rows = Number(db.prepare('SELECT count(*) FROM transactions').pluck().get());
        figures.rowsLost += ROWS - rows;
        expect(rows).toBe(ROWS);
        expect(verifyAuditChain(db).ok).toBe(true);
        expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
      expect(schemeThatOpens(file, key)).toBe('aegis');
      expect(readdirSync(dir).filter((f) => f.includes('aegis-tmp'))).toEqual([]);
      figures.killsSurvived++;
    }
    expect(figures.killedBeforeRename).toBeGreaterThan(0);
  }, 600_000);

  it('leaves a database that opens with the key after a kill in the first milliseconds of the conversion', async () => {
    // The window where the original was switched out of WAL mode through a rollback journal: a kill there
    // left a hot journal, and the read-only probe refused the DB ("could not be opened").
    for (let delayMs = 0; delayMs <= 10; delayMs += 2) {
      const run = await runChild(delayMs, 'progress convert_cipher 0');
      expect(
        schemeThatOpens(file, key),
        `${delayMs} ms after the conversion began (${run.last})`,
      ).not.toBeNull();
      const db = openDatabase({ file, key });
      try {
        expect(Number(db.prepare('SELECT count(*) FROM transactions').pluck().get())).toBe(ROWS);
      } finally {
        db.close();
      }
    }
  }, 300_000);
});
