// Renderer scenario: the transactions screen over ~100k rows in Chromium — time to first rows (page load and
// in-app navigation), a scroll to the very end, and how many rows the DOM holds on the way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { silentLogger } from '../../../src/core';
import { launchBrowserApp } from '../../../src/host/launch';
import { CHROMIUM_ARGS } from '../../helpers/chromium';
import { percentile } from '../stats';
import type { BenchRow, BenchScenario } from '../types';
import type { Core } from '../../../src/core';
import { connectTokenOf } from '../../../src/host/connect-token';
import type { CallOutput } from '../../../src/shared/contract';

/** `user-ok-perf-N` gives N× the sandbox's 612 rows per item: 164× ≈ 100k. */
const MULTIPLIER = Number(process.env['BENCH_RENDERER_MULTIPLIER'] ?? 164);
const LOADS = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records, from the page's own clock, when the first transaction row appears (set before the app loads). */
function watchFirstRow(): void {
  const w = window as unknown as { __firstRowAt?: number };
  new MutationObserver((_m, observer) => {
    if (document.querySelector('[data-testid="transaction-row"]')) {
      w.__firstRowAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function firstRowAt(page: Page): Promise<number> {
  await page.waitForSelector('[data-testid="transaction-row"]', { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt);
}

/** Scrolls the list to its end, page after page, until the last row is on screen; returns time and DOM peak. */
async function scrollToEnd(
  page: Page,
  total: number,
): Promise<{ ms: number; maxRows: number; steps: number }> {
  return page.evaluate(async (expected) => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="transaction-scroller"]');
    if (!scroller) throw new Error('no transaction list on screen');
    const start = performance.now();
    let maxRows = 0;
    let steps = 0;
    for (;;) {
      scroller.scrollTop = scroller.scrollHeight;
      // Inline on purpose: tsx names inner functions with a helper that does not exist in the page.
      await new Promise((r) => requestAnimationFrame(r));
      steps += 1;
      const rows = scroller.querySelectorAll('[data-testid="transaction-row"]');
      maxRows = Math.max(maxRows, rows.length);
      const last = rows[rows.length - 1]?.getAttribute('aria-rowindex');
      if (Number(last) === expected + 1) break;
      if (performance.now() - start > 300_000) throw new Error('the list never reached its end');
    }
    return { ms: performance.now() - start, maxRows, steps };
  }, total);
}

async function connectPerfItem(
  rpc: (channel: string, input: unknown) => Promise<unknown>,
  core: Core,
): Promise<string> {
  const answer = (await rpc('connections.connectToken', {})) as CallOutput<'connections.connectToken'>;
  const origin = answer.kind === 'frame' ? answer.origin : 'https://api.pluggy.ai';
  const headers = { 'x-api-key': connectTokenOf(core, answer), 'content-type': 'application/json' };
  const created = (await (
    await fetch(`${origin}/items`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        connectorId: 0,
        parameters: { user: `user-ok-perf-${MULTIPLIER}`, password: 'password-ok' },
      }),
    })
  ).json()) as { id: string };
  for (;;) {
    const item = (await (await fetch(`${origin}/items/${created.id}`, { headers })).json()) as {
      status: string;
    };
    if (item.status === 'UPDATED') break;
    if (item.status === 'LOGIN_ERROR' || item.status === 'OUTDATED')
      throw new Error(`perf item ended ${item.status}`);
    await sleep(200);
  }
  await rpc('connections.save', { itemId: created.id });
  return created.id;
}

export const scenario: BenchScenario = {
  name: 'renderer',
  description: `transactions screen over user-ok-perf-${MULTIPLIER} (~${Math.round((MULTIPLIER * 612) / 1000)}k rows) in Chromium`,
  async run(): Promise<BenchRow[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'cofre-bench-renderer-'));
    const app = await launchBrowserApp({
      dataDir,
      demo: true,
      logger: silentLogger(),
      sandbox: { executionMs: 200 },
    });
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      const rpc = async (channel: string, input: unknown) => {
        const res = await fetch(`${app.host.url}/rpc/${channel}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${app.host.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        const result = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
        if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
        return result.value;
      };
      const syncStart = Date.now();
      const itemId = await connectPerfItem(rpc, (await app.ready).core);
      for (;;) {
        const list = (await rpc('connections.list', {})) as {
          itemId: string;
          syncing: boolean;
          lastSyncedAt: string | null;
        }[];
        const c = list.find((x) => x.itemId === itemId);
        if (c && !c.syncing && c.lastSyncedAt) break;
        await sleep(500);
      }
      const syncMs = Date.now() - syncStart;
      const { count } = (await rpc('transactions.count', {})) as { count: number };

      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pt-BR' });
      await context.addInitScript(watchFirstRow);
      const page = await context.newPage();
      await page.goto(app.host.launchUrl);
      await page.waitForSelector('h1');

      // Cold: a full page load straight onto the transactions screen (bundle, i18n, first keyset page).
      const cold: number[] = [];
      for (let i = 0; i < LOADS; i += 1) {
        await page.goto(`${app.host.url}/#/transactions`);
        await page.reload();
        cold.push(await firstRowAt(page));
      }
      // Warm: the app already running, the user clicks "Transações" (fresh query cache after a reload).
      const warm: number[] = [];
      for (let i = 0; i < LOADS; i += 1) {
        await page.goto(`${app.host.url}/#/connections`);
        await page.reload();
        await page.waitForSelector('h1');
        const started = await page.evaluate(() => {
          const at = performance.now();
          (window as unknown as { __firstRowAt?: number }).__firstRowAt = undefined;
          new MutationObserver((_m, o) => {
            if (document.querySelector('[data-testid="transaction-row"]')) {
              (window as unknown as { __firstRowAt?: number }).__firstRowAt = performance.now();
              o.disconnect();
            }
          }).observe(document.body, { childList: true, subtree: true });
          window.location.hash = '#/transactions';
          return at;
        });
        warm.push((await firstRowAt(page)) - started);
      }
      const scroll = await scrollToEnd(page, count);
      cold.sort((a, b) => a - b);
      warm.sort((a, b) => a - b);
      const row = (metric: string, value: number, unit: string, note?: string): BenchRow => ({
        scenario: 'renderer',
        metric,
        value,
        unit,
        ...(note ? { note } : {}),
      });
      return [
        row('transactions in the DB', count, 'rows', `user-ok-perf-${MULTIPLIER}`),
        row('first sync of the item (connect → done)', syncMs, 'ms'),
        row('page load → first rows p50', percentile(cold, 50), 'ms', `${LOADS} loads; goal ≤ 300 ms`),
        row(
          'in-app navigation → first rows p50',
          percentile(warm, 50),
          'ms',
          `${LOADS} navigations; goal ≤ 300 ms`,
        ),
        row('scroll to the end', scroll.ms, 'ms', `${scroll.steps} scroll steps, keyset pages of 500`),
        row('most rows in the DOM while scrolling', scroll.maxRows, 'rows', 'goal: a few hundred at most'),
      ];
    } finally {
      await browser.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
