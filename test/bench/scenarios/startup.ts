// Startup scenario: a 1M-row DB — process start to the first rows of the Transactions screen (browser host
// and Chromium), a fresh core's open to its first page, and the core's RSS once idle.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { dataPaths } from '../../../src/core';
import { databaseFile } from '../../../src/core/create-core';
import { openDatabase, upsertTransactionRows } from '../../../src/core/store';
import { toRowValues } from '../../../src/core/store/transactions/row-mapping';
import { seedConnection } from '../../core/store/seed';
import { COFRE_BIN } from '../../helpers/cli';
import { percentile } from '../stats';
import { upgradeRows } from '../startup/upgrade-at-scale';
import type { BenchRow, BenchScenario } from '../types';
import { ACCOUNTS, benchTransaction } from './store';

const ROWS = Number(process.env['COFRE_BENCH_STARTUP_ROWS'] ?? 1_000_000);
const UPGRADE_ROWS = Number(process.env['COFRE_BENCH_UPGRADE_ROWS'] ?? ROWS);
const RUNS = 3;
const CHROMIUM_SETTLE_MS = 2_000;
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../startup/core-open-child.ts', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface CoreOpen {
  processToFirstPageMs: number;
  openMs: number;
  openToFirstPageMs: number;
  rssIdleMiB: number;
}

/** The demo DB of a data dir (what `cofre serve` opens without credentials), filled with ROWS rows. */
function buildDataDir(dir: string): { file: string; key: Buffer } {
  const paths = dataPaths(dir);
  mkdirSync(join(dir, 'demo'), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(paths.keyFile, key.toString('hex'), { mode: 0o600 });
  const file = databaseFile(paths.root, 'demo');
  const db = openDatabase({ file, key });
  try {
    seedConnection(db, 'item-bench', ACCOUNTS);
    // Eight pages of 500 per transaction, as the sync engine's group commit writes them.
    for (let from = 0; from < ROWS; from += 4_000) {
      db.transaction(() => {
        for (let p = from; p < Math.min(from + 4_000, ROWS); p += 500) {
          const page = Array.from({ length: Math.min(500, ROWS - p) }, (_, i) =>
            toRowValues(benchTransaction(p + i)),
          );
          upsertTransactionRows(db, page, { seenAt: '2025-03-02T00:00:00.000Z' });
        }
      }).immediate();
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return { file, key };
}

function runCoreOpen(file: string, key: Buffer): Promise<CoreOpen> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, key.toString('hex')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim()) as CoreOpen) : reject(new Error(`child failed: ${err}`)),
    );
  });
}

interface BrowserStart {
  /** `cofre serve` printed its URL: the core, the sandbox and the host are up. */
  urlMs: number;
  /** The page's load event: the renderer's bundle fetched and run. */
  loadedMs: number;
  /** The host answered Transactions' first page. */
  firstPageMs: number;
  /** The first transaction row drawn. */
  firstRowMs: number;
}

/**
 * Milliseconds from spawning `cofre serve` to the first transaction row drawn in Chromium, with the phases
 * on the way: from the TypeScript through tsx (`fromSource`), or from the built CLI bundle (what `npm start`
 * runs).
 */
async function runBrowserStart(dir: string, fromSource: boolean): Promise<BrowserStart> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  // The person's browser is already running: its own start (~1 s of both cores here) is not Cofre's.
  await page.waitForTimeout(CHROMIUM_SETTLE_MS);
  const startedAt = Date.now();
  let firstPageMs = Number.NaN;
  page.on('response', (response) => {
    if (Number.isNaN(firstPageMs) && response.url().endsWith('/rpc/transactions.page')) {
      firstPageMs = Date.now() - startedAt;
    }
  });
  const server = spawn(process.execPath, [COFRE_BIN, 'serve', '--demo', '--port', '0', '--data-dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, COFRE_FROM_SOURCE: fromSource ? '1' : '0' },
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      server.stderr.on('data', (d: Buffer) => (seen += d.toString()));
      const timer = setTimeout(() => reject(new Error(`cofre serve printed no URL: ${seen}`)), 120_000);
      server.stdout.on('data', (d: Buffer) => {
        seen += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      server.on('exit', (code) => reject(new Error(`cofre serve exited (${code}): ${seen}`)));
    });
    const urlMs = Date.now() - startedAt;
    // Opened straight at Transactions, as a reload of that screen would be: the token goes where the bridge
    // keeps it (the fragment can carry the token or a screen, not both), so the Connections screen the
    // launch URL opens on is not drawn first.
    const { origin, hash } = new URL(url);
    await page.addInitScript((token) => sessionStorage.setItem('cofre.launchToken', token), hash.slice(7));
    await page.goto(`${origin}/#/transactions`);
    const loadedMs = Date.now() - startedAt;
    await page.waitForSelector('[data-testid="transaction-row"]', { timeout: 120_000 });
    return { urlMs, loadedMs, firstPageMs, firstRowMs: Date.now() - startedAt };
  } finally {
    // Waited for, so the next run does not start beside this one's shutdown.
    const running = () => server.exitCode === null && server.signalCode === null;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    if (running()) server.kill('SIGTERM');
    await browser.close();
    if (running()) await exited;
  }
}

/** What `npm start` serves, built now so the runs use today's code: the renderer and the CLI bundle. */
function buildBundles(): void {
  for (const config of ['src/renderer/vite.config.ts', 'src/cli/vite.config.ts']) {
    const built = spawnSync('npx', ['vite', 'build', '--config', config, '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error(`${config} did not build`);
  }
}

function row(metric: string, value: number, unit: string, note?: string): BenchRow {
  return { scenario: 'startup', metric, value, unit, ...(note ? { note } : {}) };
}

const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

export const scenario: BenchScenario = {
  name: 'startup',
  description: `${ROWS.toLocaleString('en-US')}-row DB: process start to first rows in Chromium, core open to first page, idle RSS; AEGIS conversion and migrations 70, 80 at ${UPGRADE_ROWS.toLocaleString('en-US')} rows`,
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'cofre-bench-startup-'));
    try {
      const { file, key } = buildDataDir(dir);
      const opens: CoreOpen[] = [];
      for (let i = 0; i < RUNS; i++) opens.push(await runCoreOpen(file, key));
      buildBundles();
      // Interleaved, so both see the same machine: tsx from source (before) and the bundle (after).
      const fromSource: number[] = [];
      const browser: BrowserStart[] = [];
      for (let i = 0; i < RUNS; i++) {
        fromSource.push((await runBrowserStart(dir, true)).firstRowMs);
        browser.push(await runBrowserStart(dir, false));
      }
      const median = (xs: number[]) =>
        percentile(
          [...xs].sort((a, b) => a - b),
          50,
        );
      const upgrade = upgradeRows(dir, UPGRADE_ROWS);
      return [
        row(
          'process start → first rows (browser host, Chromium)',
          median(browser.map((b) => b.firstRowMs)),
          'ms',
          `median of ${RUNS}: spawn of \`cofre serve --demo\` (built CLI bundle, in-process sandbox) to the first row drawn, Chromium already running and idle, the page opened at Transactions; goal ≤ 1.5 s; ${load()}`,
        ),
        row(
          'of which: URL printed',
          median(browser.map((b) => b.urlMs)),
          'ms',
          'core, in-process sandbox and host up (Chromium already running)',
        ),
        row(
          'of which: page loaded',
          median(browser.map((b) => b.loadedMs)),
          'ms',
          "the renderer's bundle fetched and run (load event)",
        ),
        row(
          "of which: Transactions' first page answered",
          median(browser.map((b) => b.firstPageMs)),
          'ms',
          'POST /rpc/transactions.page returned',
        ),
        row(
          'the same from source (tsx), before',
          median(fromSource),
          'ms',
          `median of ${RUNS}, interleaved with the bundle's runs; COFRE_FROM_SOURCE=1`,
        ),
        row(
          'core open → first page',
          median(opens.map((o) => o.openToFirstPageMs)),
          'ms',
          `median of ${RUNS}, fresh process; page + count + categories; goal ≤ 300 ms`,
        ),
        row(
          'of which openDatabase',
          median(opens.map((o) => o.openMs)),
          'ms',
          'key, probe, pragmas, schema check',
        ),
        row(
          'core process start → first page',
          median(opens.map((o) => o.processToFirstPageMs)),
          'ms',
          'includes loading the core (tsx)',
        ),
        row(
          'core RSS idle',
          Math.round(median(opens.map((o) => o.rssIdleMiB))),
          'MiB',
          `2 s after the first page; goal ≤ 150 MB; ${load()}`,
        ),
        ...upgrade,
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
