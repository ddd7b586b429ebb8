// Two processes syncing one data dir (the app and `cofre sync` from cron): two real child processes sync one
// item on one DB file, one is SIGKILLed mid-run; the runs never overlap, the dead one's run ends as interrupted,
// and after the next opener's sync the data matches the truth: no row lost, none doubled, no live row removed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSyncRuns, openDatabase, type Db } from '../../src/core/store';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { tempDir } from '../helpers/temp-dir';
import { compareWithTruth, fetchTruth } from './convergence';
import { writeFigures } from './figures';
import { seededRandom } from './prng';
import { newSandboxItem, quickEngine } from './sandbox-sync';
import { FULL } from './settings';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./workers/sync-child.ts', import.meta.url));
const PAGE_SIZE = 100;
const TRANSACTIONS = FULL ? 1_500 : 600;
const ROUNDS = FULL ? 8 : 2;

let sandbox: RunningSandbox;
const dir = tempDir('cofre-two-');
const key = randomBytes(32);
const random = seededRandom(20_261_204);
const figures = {
  runs: 0,
  killsSurvived: 0,
  holderKilled: 0,
  waiterKilled: 0,
  overlappingRuns: 0,
  runsLeftRunning: 0,
  rowsChecked: 0,
  rowsLost: 0,
  duplicates: 0,
  liveRowsMarkedRemoved: 0,
};

beforeAll(async () => {
  sandbox = await startSandbox({
    admin: true,
    seed: 'two-processes',
    // Long enough at the bank that both processes are up before the first run ends.
    executionMs: 1_500,
    pageSize: PAGE_SIZE,
    newDataOnSync: true,
    transactionsPerAccount: TRANSACTIONS,
    faultsFromEnv: false,
    rateLimits: { 'GET /v2/transactions': 100_000, 'GET /accounts': 100_000, 'PATCH /items/:id': 100_000 },
  });
});
afterAll(async () => {
  await sandbox.close();
  writeFigures('twoProcesses', figures);
});

/** One child syncing: its run id, when it first worked (not waiting its turn), how it ended. */
interface Child {
  runId: Promise<number>;
  /** Resolves (parent's clock) at its first progress past waiting for the other process. */
  working: Promise<number>;
  /** Resolves when it says it waits for the other process's run of the item. */
  waitingTurn: Promise<void>;
  exited(): boolean;
  pages(): number;
  kill(): number;
  exit: Promise<'killed' | 'success'>;
}

function startChild(file: string, itemId: string, reason: string): Child {
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
  let pages = 0;
  let stderr = '';
  let buffer = '';
  let onRun: (id: number) => void = () => {};
  let onWork: (at: number) => void = () => {};
  let onTurn: () => void = () => {};
  let exited = false;
  const runId = new Promise<number>((r) => (onRun = r));
  const working = new Promise<number>((r) => (onWork = r));
  const waitingTurn = new Promise<void>((r) => (onTurn = r));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const [kind, a, b, c] = line.split(' ');
      if (kind === 'run') onRun(Number(a));
      if (kind !== 'progress') continue;
      pages = Number(b);
      if (c === 'turn') onTurn();
      else onWork(Date.now());
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<'killed' | 'success'>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      exited = true;
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('success');
      else reject(new Error(`sync child exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
  return {
    runId,
    working,
    waitingTurn,
    exited: () => exited,
    pages: () => pages,
    kill() {
      child.kill('SIGKILL');
      return Date.now();
    },
    exit,
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function expectConverged(db: Db, itemId: string): Promise<void> {
  const report = compareWithTruth(db, itemId, await fetchTruth(sandbox.url, itemId));
  const duplicates = db
    .prepare('SELECT COUNT(*) - COUNT(DISTINCT id) FROM transactions')
    .pluck()
    .get() as number;
  figures.rowsChecked += report.truthRows;
  figures.rowsLost += report.missing;
  figures.duplicates += duplicates + report.extra;
  figures.liveRowsMarkedRemoved += report.liveMarkedRemoved;
  expect({ ...report, duplicates }).toMatchObject({
    missing: 0,
    extra: 0,
    stale: 0,
    liveMarkedRemoved: 0,
    accountsMissing: 0,
    duplicates: 0,
  });
}

describe('two processes syncing one data dir', () => {
  const rounds = Array.from({ length: ROUNDS }, (_, i) => [i] as const);

  it.each(rounds)(
    'round %i: one SIGKILLed mid-run, the other and the next opener finish, no row lost or doubled',
    async (round) => {
      const file = join(dir, `cofre-${round}.db`);
      // The data dir exists (the app made it): both processes open a migrated DB, as they would.
      openDatabase({ file, key }).close();
      const itemId = await newSandboxItem(sandbox);
      // Both start at once, as cron's `cofre sync` beside the app: one works, the other waits its turn.
      const one = startChild(file, itemId, 'connect');
      const two = startChild(file, itemId, 'manual');
      const holder = await Promise.race([one.working.then(() => one), two.working.then(() => two)]);
      const waiter = holder === one ? two : one;
      await waiter.waitingTurn;
      const [holderRun, waiterRun] = await Promise.all([holder.runId, waiter.runId]);
      // Even rounds kill the process that holds the item mid-run; odd rounds kill the one waiting its turn.
      const killHolder = round % 2 === 0;
      const expectedPages = Math.ceil((2 * TRANSACTIONS) / PAGE_SIZE);
      const killAtPage = Math.floor(random() * (expectedPages / 2));
      const [killed, survivor] = killHolder ? [holder, waiter] : [waiter, holder];
      if (killHolder) {
        while (holder.pages() < killAtPage && !holder.exited()) await pause(5);
        figures.holderKilled++;
      } else {
        await pause(Math.floor(random() * 500));
        figures.waiterKilled++;
      }
      const killedAt = killed.kill();
      expect(await killed.exit).toBe('killed');
      expect(await survivor.exit).toBe('success');
      figures.killsSurvived++;
      if (killHolder) {
        // The survivor did its own work only once the holder was dead.
        const survivorWorked = await survivor.working;
        if (survivorWorked < killedAt) figures.overlappingRuns++;
        expect(survivorWorked).toBeGreaterThanOrEqual(killedAt);
      }

      // The bank moves on, and the next process to open the data dir (this one) syncs it too.
      await fetch(`${sandbox.url}/__sandbox/advance?itemId=${itemId}`, { method: 'POST' });
      const db = openDatabase({ file, key });
      const engine = quickEngine(sandbox, db);
      try {
        expect((await engine.sync(itemId, 'poll').done).outcome).toBe('success');
        const runs = new Map(listSyncRuns(db, itemId).map((r) => [r.id, r.outcome]));
        const killedRun = killHolder ? holderRun : waiterRun;
        const survivorRun = killHolder ? waiterRun : holderRun;
        expect(runs.get(killedRun)).toBe('interrupted');
        expect(runs.get(survivorRun)).toBe('success');
        figures.runsLeftRunning += [...runs.values()].filter((o) => o === 'running').length;
        expect([...runs.values()]).not.toContain('running');
        expect(db.prepare('SELECT COUNT(*) FROM sync_leases').pluck().get()).toBe(0);
        await expectConverged(db, itemId);
        figures.runs++;
      } finally {
        await engine.drain();
        db.close();
      }
    },
    180_000,
  );
});
