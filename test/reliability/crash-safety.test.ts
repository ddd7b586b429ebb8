// Crash safety: a child process syncing a large item is SIGKILLed at seeded random points; each time the DB
// opens, integrity_check is ok, the audit chain verifies, and the next sync converges to the ground truth.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit';
import { openDatabase, type Db } from '../../src/core/store';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { tempDir } from '../helpers/temp-dir';
import { compareWithTruth, fetchTruth, type Truth } from './convergence';
import { writeFigures } from './figures';
import { seededRandom } from './prng';
import { newSandboxItem, quickEngine } from './sandbox-sync';
import { SETTINGS } from './settings';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./workers/sync-child.ts', import.meta.url));
const PAGE_SIZE = 100;

let sandbox: RunningSandbox;
const dir = tempDir('cofre-crash-');
const key = randomBytes(32);
const random = seededRandom(20_240_601);
const figures = {
  runs: 0,
  killsSurvived: 0,
  killedWhileWaiting: 0,
  killedMidTransactions: 0,
  finishedBeforeKill: 0,
  integrityChecks: 0,
  auditEntriesVerified: 0,
  rowsChecked: 0,
  rowsLost: 0,
  duplicates: 0,
};

beforeAll(async () => {
  sandbox = await startSandbox({
    admin: true,
    seed: 'crash-safety',
    executionMs: 50,
    pageSize: PAGE_SIZE,
    newDataOnSync: true,
    transactionsPerAccount: SETTINGS.crashTransactions,
    faultsFromEnv: false,
    // Many runs against one sandbox: Pluggy's per-minute limits would only make this test wait.
    rateLimits: { 'GET /v2/transactions': 100_000, 'GET /accounts': 100_000, 'PATCH /items/:id': 100_000 },
  });
});
afterAll(async () => {
  await sandbox.close();
  writeFigures('crashSafety', figures);
});

interface ChildRun {
  /** 'killed' at the chosen point, or 'done' when the sync ended first. */
  ended: 'killed' | 'done';
  phase: string;
  pages: number;
}

/** Runs the child; with `killAtPage`, SIGKILLs it once that many pages are stored (plus a random delay). */
function runChild(
  file: string,
  itemId: string,
  reason: string,
  killAtPage?: number,
  extraDelayMs = 0,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, sandbox.url, file, itemId, reason], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        CRASH_DB_KEY: key.toString('hex'),
        CRASH_CLIENT_ID: sandbox.clientId,
        CRASH_CLIENT_SECRET: sandbox.clientSecret,
      },
    });
    let phase = 'starting';
    let pages = 0;
    let stderr = '';
    let killing = false;
    let buffer = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, p, n] = line.split(' ');
        if (kind !== 'progress' || !p) continue;
        phase = p;
        pages = Number(n);
        if (killAtPage !== undefined && !killing && pages >= killAtPage) {
          killing = true;
          setTimeout(() => child.kill('SIGKILL'), extraDelayMs);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ ended: 'killed', phase, pages });
      else if (code === 0) resolve({ ended: 'done', phase, pages });
      else reject(new Error(`sync child exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

function checkOpens(file: string): void {
  const db = openDatabase({ file, key });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const chain = verifyAuditChain(db);
    expect(chain).toMatchObject({ ok: true });
    figures.integrityChecks++;
    figures.auditEntriesVerified += chain.entries;
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  const kills = Array.from({ length: SETTINGS.crashKills }, (_, i) => [i] as const);

  it.each(kills)(
    'kill %i: the DB opens clean and the next syncs converge to the truth',
    async (kill) => {
      const file = join(dir, `cofre-${kill}.db`);
      const itemId = await newSandboxItem(sandbox);
      // Pages of a first sync: checking + card at full size, savings at 1/25 (see the sandbox's options).
      const expectedPages = Math.ceil((2 * SETTINGS.crashTransactions) / PAGE_SIZE);
      const killAtPage = Math.floor(random() * expectedPages);
      const run = await runChild(file, itemId, 'connect', killAtPage, Math.floor(random() * 15));
      if (run.ended === 'killed') {
        figures.killsSurvived++;
        if (run.pages === 0) figures.killedWhileWaiting++;
        else figures.killedMidTransactions++;
      } else figures.finishedBeforeKill++;
      checkOpens(file);

      const db = openDatabase({ file, key });
      try {
        // The next sync finishes what the killed one started; then the bank moves on (new, posted,
        // deleted and re-created rows) and a later sync follows it. (A bank change between the kill and
        // the next sync is reliability/first-sync-removals.test.ts.)
        const engine = quickEngine(sandbox, db);
        expect((await engine.sync(itemId, 'poll').done).outcome).toBe('success');
        expectConverged(db, itemId, await fetchTruth(sandbox.url, itemId), run);
        await fetch(`${sandbox.url}/__sandbox/advance?itemId=${itemId}`, { method: 'POST' });
        expect((await engine.sync(itemId, 'manual').done).outcome).toBe('success');
        expectConverged(db, itemId, await fetchTruth(sandbox.url, itemId), run);
        figures.runs++;
      } finally {
        db.close();
      }
      checkOpens(file);
    },
    120_000,
  );
});

function expectConverged(db: Db, itemId: string, truth: Truth, run: ChildRun): void {
  const report = compareWithTruth(db, itemId, truth);
  expect(report, JSON.stringify({ run, report })).toMatchObject({
    missing: 0,
    extra: 0,
    stale: 0,
    accountsMissing: 0,
  });
  figures.rowsChecked += report.truthRows;
  figures.rowsLost += report.missing;
  figures.duplicates += report.extra;
}
