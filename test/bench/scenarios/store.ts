// Store scenario: 1M-row bulk upsert plain vs encrypted, keyset vs OFFSET at depth 900k, FTS search at 1M.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import {
  countTransactions,
  encodeCursor,
  listLiveCategories,
  openDatabase,
  pageTransactions,
  upsertTransactions,
  type Db,
} from '../../../src/core/store';
import { openUnencryptedForBenchmark } from '../../../src/core/store/open';
import { sampleTransaction } from '../../core/store/sample-data';
import { seedConnection } from '../../core/store/seed';
import { percentile } from '../stats';
import type { BenchRow, BenchScenario } from '../types';

const ROWS = Number(process.env['COFRE_BENCH_STORE_ROWS'] ?? 1_000_000);
const PAGE = 500; // Pluggy's largest transactions page
export const ACCOUNTS = Array.from({ length: 20 }, (_, i) => `acc-${i}`);
const DEPTH = Math.floor(ROWS * 0.9);
const FTS_TERMS = [
  'padaria',
  'acucar',
  'ifood',
  'uber',
  'oliveira',
  'farmacia joao',
  'netflix',
  'smart fit',
  'mercado',
  'pix recebido',
];

/** A UUID-shaped id that is a pure function of n: random-looking like Pluggy's, so index inserts scatter. */
export function uuidFor(n: number): string {
  const h = createHash('sha1').update(String(n)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The n-th bench row: spread over 20 accounts, ~30 per account per day, going back from 2025-03-01. */
export function benchTransaction(n: number) {
  const accountId = ACCOUNTS[n % ACCOUNTS.length]!;
  const k = Math.floor(n / ACCOUNTS.length);
  const day = new Date(Date.UTC(2025, 2, 1) - Math.floor(k / 30) * 86_400_000).toISOString().slice(0, 10);
  return sampleTransaction(n, accountId, { id: uuidFor(n), date: `${day}T03:00:00.000Z` });
}

interface Fill {
  /** Wall seconds inside upsertTransactions only. */
  seconds: number;
  /** CPU seconds (user + system) of this process over the same calls: what an idle core would take. */
  cpuSeconds: number;
}

/** Upserts ROWS rows in pages of PAGE, one transaction per page, as the sync engine does. */
function fill(db: Db): Fill {
  seedConnection(db, 'item-bench', ACCOUNTS);
  let ns = 0n;
  let cpuUs = 0;
  for (let from = 0; from < ROWS; from += PAGE) {
    const page = Array.from({ length: Math.min(PAGE, ROWS - from) }, (_, i) => benchTransaction(from + i));
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    upsertTransactions(db, page, { seenAt: '2025-03-02T00:00:00.000Z' });
    ns += process.hrtime.bigint() - start;
    const used = process.cpuUsage(cpu);
    cpuUs += used.user + used.system;
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { seconds: Number(ns) / 1e9, cpuSeconds: cpuUs / 1e6 };
}

const PROBES = 40;

interface CommitShare {
  /** WAL frames (pages) one 500-row transaction of new random ids writes. */
  pages: number;
  /** Share of that transaction's time spent in COMMIT: writing those pages to the WAL. */
  share: number;
}

/**
 * Where a page's time goes once the file is big: each new random id lands on its own leaf of the id index, so a
 * transaction dirties hundreds of pages and COMMIT writes them all. Checkpoints are held off so the WAL's
 * growth is the transaction's pages.
 */
function commitShare(db: Db): CommitShare {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const wal = `${db.name}-wal`;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  let frames = 0;
  let commitNs = 0n;
  let totalNs = 0n;
  try {
    for (let p = 0; p < PROBES; p++) {
      const base = ROWS + p * PAGE;
      const page = Array.from({ length: PAGE }, (_, i) => benchTransaction(base + i));
      const before = statSync(wal).size;
      const start = process.hrtime.bigint();
      db.exec('BEGIN IMMEDIATE');
      upsertTransactions(db, page, { seenAt: '2025-03-02T00:00:00.000Z' });
      const commitStart = process.hrtime.bigint();
      db.exec('COMMIT');
      const end = process.hrtime.bigint();
      commitNs += end - commitStart;
      totalNs += end - start;
      frames += (statSync(wal).size - before) / (pageSize + 24);
    }
  } finally {
    db.pragma('wal_autocheckpoint = 1000');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return { pages: Math.round(frames / PROBES), share: Number(commitNs) / Number(totalNs) };
}

const BLOB_MB = 100;

/**
 * What the cipher costs by itself: MB/s of 1 KB incompressible rows appended in 1 MB transactions, no
 * index, so every page is written about once. The bulk-upsert figures are this, times the pages a row dirties.
 */
function pageWriteRate(db: Db): number {
  db.exec('CREATE TABLE bench_blobs (id INTEGER PRIMARY KEY, v BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO bench_blobs (v) VALUES (?)');
  const blob = randomBytes(1000);
  const write = db.transaction(() => {
    for (let i = 0; i < 1000; i++) insert.run(blob);
  });
  const start = process.hrtime.bigint();
  for (let mb = 0; mb < BLOB_MB; mb++) write.immediate();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return BLOB_MB / seconds;
}

/** The 1-minute load average, so every figure says how busy the machine was. */
function load(): string {
  return `load ${loadavg()[0]!.toFixed(1)}`;
}

function timeSync(count: number, fn: (i: number) => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

function row(metric: string, value: number, unit: string, note?: string): BenchRow {
  return { scenario: 'store', metric, value, unit, ...(note ? { note } : {}) };
}

export const scenario: BenchScenario = {
  name: 'store',
  description: `${ROWS.toLocaleString('en-US')} transactions: bulk upsert plain vs encrypted, keyset vs OFFSET, FTS`,
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'cofre-bench-store-'));
    const rows: BenchRow[] = [];
    try {
      const rates = (['plain', 'encrypted'] as const).map((kind) => {
        const file = join(dir, `blobs-${kind}.db`);
        const db =
          kind === 'plain'
            ? openUnencryptedForBenchmark({ file })
            : openDatabase({ file, key: randomBytes(32) });
        try {
          return pageWriteRate(db);
        } finally {
          db.close();
          rmSync(file, { force: true });
        }
      });
      rows.push(
        row('page writes, plain', Math.round(rates[0]!), 'MB/s', `${BLOB_MB} MB of 1 KB rows; ${load()}`),
      );
      rows.push(
        row(
          'page writes, encrypted',
          Math.round(rates[1]!),
          'MB/s',
          `the cipher alone: ×${(rates[0]! / rates[1]!).toFixed(2)} the time of plain`,
        ),
      );

      const plainFile = join(dir, 'plain.db');
      const plain = openUnencryptedForBenchmark({ file: plainFile });
      const plainFill = fill(plain);
      const plainLoad = load();
      plain.close();
      const plainSize = statSync(plainFile).size;
      rmSync(plainFile, { force: true });

      const file = join(dir, 'encrypted.db');
      const db = openDatabase({ file, key: randomBytes(32) });
      try {
        const encFill = fill(db);
        const encLoad = load();
        const how = `pages of ${PAGE}, one transaction each`;
        rows.push(
          row('bulk upsert, plain', Math.round(ROWS / plainFill.seconds), 'rows/s', `${how}; ${plainLoad}`),
        );
        rows.push(
          row(
            'bulk upsert, encrypted',
            Math.round(ROWS / encFill.seconds),
            'rows/s',
            `encrypted/plain time ×${(encFill.seconds / plainFill.seconds).toFixed(2)} (goal ≥ 50k rows/s, ≤ 1.3); ${encLoad}`,
          ),
        );
        rows.push(
          row(
            'bulk upsert per CPU-second, plain',
            Math.round(ROWS / plainFill.cpuSeconds),
            'rows/s',
            "rows per second of this process's CPU time: the rate on an idle core",
          ),
        );
        rows.push(
          row(
            'bulk upsert per CPU-second, encrypted',
            Math.round(ROWS / encFill.cpuSeconds),
            'rows/s',
            `encrypted/plain CPU ×${(encFill.cpuSeconds / plainFill.cpuSeconds).toFixed(2)}`,
          ),
        );
        rows.push(row('DB size, plain', Math.round(plainSize / 2 ** 20), 'MiB'));
        rows.push(row('DB size, encrypted', Math.round(statSync(file).size / 2 ** 20), 'MiB'));

        const at = db
          .prepare('SELECT sort_key AS sortKey, id FROM transactions ORDER BY sort_key DESC LIMIT 1 OFFSET ?')
          .get(DEPTH - 1) as { sortKey: number; id: string };
        const cursor = encodeCursor(at.sortKey, at.id);
        const keyset = timeSync(300, () => pageTransactions(db, { after: cursor, limit: 100 }));
        const offsetStmt = db.prepare(
          `SELECT * FROM transactions WHERE removed_at IS NULL ORDER BY sort_key DESC LIMIT 100 OFFSET ?`,
        );
        const offset = timeSync(10, () => offsetStmt.all(DEPTH));
        const depth = `depth ${DEPTH.toLocaleString('en-US')}, 100 rows`;
        rows.push(row('keyset page p50', percentile(keyset, 50), 'ms', depth));
        rows.push(row('keyset page p99', percentile(keyset, 99), 'ms', `goal ≤ 5 ms; ${load()}`));
        rows.push(row('OFFSET page p50', percentile(offset, 50), 'ms', depth));
        rows.push(
          row(
            'OFFSET page p99',
            percentile(offset, 99),
            'ms',
            `keyset is ×${(percentile(offset, 50) / percentile(keyset, 50)).toFixed(0)} faster at p50, ×${(percentile(offset, 99) / percentile(keyset, 99)).toFixed(0)} at p99 (goal ≥ 20)`,
          ),
        );

        const fts = timeSync(300, (i) =>
          pageTransactions(db, { filter: { text: FTS_TERMS[i % FTS_TERMS.length]! }, limit: 100 }),
        );
        rows.push(
          row('FTS search p50', percentile(fts, 50), 'ms', `${FTS_TERMS.length} terms, first page of 100`),
        );
        rows.push(row('FTS search p99', percentile(fts, 99), 'ms', `goal ≤ 50 ms; ${load()}`));

        const count = timeSync(50, () => countTransactions(db, {}));
        rows.push(row('live count p50', percentile(count, 50), 'ms', 'transactions.count, no filter'));
        rows.push(row('live count p99', percentile(count, 99), 'ms'));
        const categories = timeSync(50, () => listLiveCategories(db));
        rows.push(row('categories p50', percentile(categories, 50), 'ms', 'transactions.categories'));
        rows.push(row('categories p99', percentile(categories, 99), 'ms'));

        const commit = commitShare(db);
        const at1 = `at ${ROWS.toLocaleString('en-US')} rows, ${PROBES} pages of new random ids`;
        rows.push(row('pages written per 500-row transaction', commit.pages, 'pages', at1));
        rows.push(
          row(
            'COMMIT share of a 500-row transaction',
            Math.round(commit.share * 1000) / 10,
            '%',
            'writing those pages to the WAL: the cost of random ids at this size',
          ),
        );
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
