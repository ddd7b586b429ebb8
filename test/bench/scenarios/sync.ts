// Sync scenario: a full first sync against the sandbox with 50 ms latency — Cofre vs a pluggy-sdk-style
// baseline (accounts one after another, every page held in memory, one INSERT per row) vs the network bound.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemSleepClock } from '../../../src/core/clock';
import { createEventBus } from '../../../src/core/events/event-bus';
import { silentLogger } from '../../../src/core/logging/logger';
import { createPluggyClient, type PluggyClient } from '../../../src/core/pluggy';
import { openDatabase, upsertConnection, type Db } from '../../../src/core/store';
import { createSyncEngine } from '../../../src/core/sync/sync-engine';
import type { SyncApi } from '../../../src/core/sync/sync-api';
import type { Transaction } from '../../../src/shared/pluggy';
import { startCli } from '../../helpers/cli';
import type { BenchRow, BenchScenario } from '../types';

const PER_ACCOUNT = 10_000;
const LATENCY_MS = 50;
const PAGE_SIZE = 500;

function peakRss() {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  return () => {
    clearInterval(timer);
    return (Math.max(peak, process.memoryUsage().rss) - start) / 2 ** 20;
  };
}

function freshDb(dir: string, name: string): Db {
  return openDatabase({ file: join(dir, `${name}.db`), key: randomBytes(32) });
}

/** What pluggy-sdk's fetchAllTransactions invites: sequential accounts, all pages in memory, row by row. */
async function baseline(client: PluggyClient, db: Db, itemId: string): Promise<number> {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO bench_baseline (id, account_id, date, amount, description, raw) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  let rows = 0;
  const accounts = (await client.listAccounts(itemId)).results;
  for (const account of accounts) {
    const all: Transaction[] = [];
    for await (const page of client.transactions(account.id, { dateFrom: '2000-01-01' }))
      all.push(...page.results);
    for (const t of all) {
      insert.run(t.id, t.accountId, t.date, t.amount, t.description, JSON.stringify(t));
      rows++;
    }
  }
  return rows;
}

export const scenario: BenchScenario = {
  name: 'sync',
  description: `first sync of 3 accounts × ${PER_ACCOUNT.toLocaleString('en-US')} transactions (and a small savings account) at ${LATENCY_MS} ms latency`,
  async run(): Promise<BenchRow[]> {
    // The sandbox runs in its own process, as the real API would: its CPU time is not ours.
    const faults = {
      latencyMs: LATENCY_MS,
      routes: [
        'GET /v2/transactions',
        'GET /accounts',
        'GET /items/:id',
        // The products a run reads beside the accounts pay the same latency as everything else.
        'GET /bills',
        'GET /investments',
        'GET /investments/:id/transactions',
        'GET /loans',
        'GET /consents',
      ],
    };
    const { child, match } = await startCli(
      [
        'sandbox',
        '--seed',
        'bench-sync',
        '--execution-ms',
        '100',
        '--transactions-per-account',
        String(PER_ACCOUNT),
        '--faults',
        JSON.stringify(faults),
      ],
      /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*clientId:\s+(\S+)[\s\S]*clientSecret:\s+(\S+)/,
    );
    const sandbox = {
      url: match[1]!,
      clientId: match[2]!,
      clientSecret: match[3]!,
      close: async () => void child.kill('SIGTERM'),
    };
    const dir = mkdtempSync(join(tmpdir(), 'cofre-bench-sync-'));
    // A fresh client per phase: each starts with a full rate-limit bucket (Pluggy allows 360/min per
    // endpoint; a warm-up that spent the burst would otherwise slow whichever side runs next).
    const newClient = (): PluggyClient =>
      createPluggyClient({
        baseUrl: sandbox.url,
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
        logger: silentLogger(),
      });
    const client = newClient();
    try {
      const item = await client.createItem({
        connectorId: 0,
        // Three accounts of 10,000 transactions (two checking, one card) and a small savings account.
        parameters: { user: 'user-ok-two-checking-accounts', password: 'password-ok' },
      });
      // Cofre: the real engine, on a fresh encrypted DB.
      const cofreDb = freshDb(dir, 'cofre');
      upsertConnection(cofreDb, item);
      const engine = createSyncEngine({
        db: cofreDb,
        api: client,
        clock: systemSleepClock,
        events: createEventBus(),
        logger: silentLogger(),
      });
      // Let the item finish at the bank first, so both sides time the reading only.
      const warm = await engine.sync(item.id, 'connect').done;
      if (warm.outcome !== 'success') throw new Error(`warm-up sync failed: ${JSON.stringify(warm)}`);
      cofreDb.close();
      /** One measured first sync on a fresh DB; `accountsOnly` leaves out bills, investments, loans and consents. */
      const measure = async (name: string, accountsOnly: boolean) => {
        const db = freshDb(dir, name);
        const api = newClient();
        upsertConnection(db, await api.getItem(item.id));
        const syncApi: SyncApi = accountsOnly
          ? {
              getItem: api.getItem.bind(api),
              updateItem: api.updateItem.bind(api),
              listAccounts: api.listAccounts.bind(api),
              transactionPages: api.transactionPages.bind(api),
            }
          : api;
        const engine = createSyncEngine({
          db,
          api: syncApi,
          clock: systemSleepClock,
          events: createEventBus(),
          logger: silentLogger(),
        });
        const stop = peakRss();
        const began = performance.now();
        const result = await engine.sync(item.id, 'connect').done;
        const ms = performance.now() - began;
        const rss = stop();
        if (result.outcome !== 'success') throw new Error(`measured sync (${name}) failed`);
        return { db, ms, rss, read: result.totals.rows };
      };
      const accountsOnly = await measure('cofre-accounts-only', true);
      accountsOnly.db.close();
      const {
        db: measuredDb,
        ms: cofreMs,
        rss: cofreRss,
        read: cofreRead,
      } = await measure('cofre-measured', false);
      const cofreRows = Number(measuredDb.prepare('SELECT count(*) FROM transactions').pluck().get());
      const products = {
        bills: Number(measuredDb.prepare('SELECT count(*) FROM bills').pluck().get()),
        investments: Number(measuredDb.prepare('SELECT count(*) FROM investments').pluck().get()),
        loans: Number(measuredDb.prepare('SELECT count(*) FROM loans').pluck().get()),
      };
      const accounts = (await client.listAccounts(item.id)).results;
      const longest = Math.max(
        ...accounts.map((a) =>
          Number(
            measuredDb.prepare('SELECT count(*) FROM transactions WHERE account_id = ?').pluck().get(a.id),
          ),
        ),
      );
      measuredDb.close();

      const baseDb = freshDb(dir, 'baseline');
      baseDb.exec(
        'CREATE TABLE bench_baseline (id TEXT PRIMARY KEY, account_id TEXT, date TEXT, amount REAL, description TEXT, raw TEXT)',
      );
      const baseClient = newClient();
      // Both sides start with a fetched apiKey, so neither pays for /auth inside the timing.
      await baseClient.getItem(item.id);
      const stopRss = peakRss();
      const start = performance.now();
      const baseRows = await baseline(baseClient, baseDb, item.id);
      const baseMs = performance.now() - start;
      const baseRss = stopRss();
      baseDb.close();

      const boundMs = Math.ceil(longest / PAGE_SIZE) * LATENCY_MS;
      const row = (metric: string, value: number, unit: string, note?: string): BenchRow => ({
        scenario: 'sync',
        metric,
        value,
        unit,
        ...(note ? { note } : {}),
      });
      return [
        row(
          'Cofre full sync',
          Math.round(cofreMs),
          'ms',
          `${cofreRows} rows stored (${cofreRead} read: each row once, the date ranges never share a day), ${accounts.length} accounts`,
        ),
        row(
          'Cofre full sync, accounts and transactions only',
          Math.round(accountsOnly.ms),
          'ms',
          'bills, investments, loans and consents left out',
        ),
        row(
          'with products / accounts only',
          Number((cofreMs / accountsOnly.ms).toFixed(3)),
          'ratio',
          `goal ≤ 1.3 (${products.bills} bills, ${products.investments} investments, ${products.loans} loans read)`,
        ),
        row('baseline (sdk-style) full sync', Math.round(baseMs), 'ms', `${baseRows} rows`),
        row(
          'network lower bound',
          boundMs,
          'ms',
          `${Math.ceil(longest / PAGE_SIZE)} pages × ${LATENCY_MS} ms`,
        ),
        row('Cofre / baseline', Number((cofreMs / baseMs).toFixed(3)), 'ratio', 'goal ≤ 0.35'),
        row('Cofre / bound', Number((cofreMs / boundMs).toFixed(3)), 'ratio', 'goal ≤ 1.3'),
        row('Cofre peak RSS growth', Math.round(cofreRss), 'MiB'),
        row('baseline peak RSS growth', Math.round(baseRss), 'MiB'),
      ];
    } finally {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
