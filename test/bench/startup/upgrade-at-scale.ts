// Startup bench, the upgrade an older install meets on its first start: an SQLCipher-scheme DB at schema
// version 60 (whole transactions in `raw`, money in reais) is converted to AEGIS, then migrated by 70 and
// 80, the two migrations that rewrite every row in batches. Each step is timed on its own, with rows/s.
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { migrate, openDatabase } from '../../../src/core/store';
import { convertToAegis } from '../../../src/core/store/convert-cipher';
import { legacyConnection } from '../../core/store/legacy-db';
import { insertAsVersion70 } from '../../core/store/migrations/version-70-rows';
import { seedConnection } from '../../core/store/seed';
import { ACCOUNTS, benchTransaction } from '../scenarios/store';
import type { BenchRow } from '../types';

const PAGE = 5_000;
const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

/** A version-60 DB in the SQLCipher scheme with `rows` random-id transactions. */
function buildLegacy(file: string, key: Buffer, rows: number): void {
  const db = legacyConnection(file, key);
  try {
    migrate(db, 60);
    seedConnection(db, 'item-bench', ACCOUNTS);
    for (let from = 0; from < rows; from += PAGE) {
      const page = Array.from({ length: Math.min(PAGE, rows - from) }, (_, i) => benchTransaction(from + i));
      insertAsVersion70(db, page, '2025-03-02T00:00:00.000Z', true);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

function timed(fn: () => void): { seconds: number; cpuSeconds: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  fn();
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

export function upgradeRows(dir: string, rows: number): BenchRow[] {
  const file = join(dir, 'legacy.db');
  const key = randomBytes(32);
  buildLegacy(file, key, rows);
  const n = rows.toLocaleString('en-US');
  const out: BenchRow[] = [];
  const report = (metric: string, t: { seconds: number; cpuSeconds: number }, note: string): void => {
    out.push(
      { scenario: 'startup', metric, value: Number(t.seconds.toFixed(1)), unit: 's', note },
      {
        scenario: 'startup',
        metric: `${metric} rows/s`,
        value: Math.round(rows / t.seconds),
        unit: 'rows/s',
        note: `CPU ${t.cpuSeconds.toFixed(1)} s; ${load()}`,
      },
    );
  };

  report(
    `AEGIS conversion of an SQLCipher-scheme DB, ${n} rows`,
    timed(() => convertToAegis(file, key.toString('hex'))),
    'copy, rekey, verify every table, rename (convert-cipher.ts)',
  );
  const db = openDatabase({ file, key, migrateTo: 60 });
  try {
    report(
      `migration 70 (raw remainder), ${n} rows`,
      timed(() => migrate(db, 70)),
      'batched rewrite of every row, one transaction',
    );
    report(
      `migration 80 (centavos), ${n} rows`,
      timed(() => migrate(db, 80)),
      'batched rewrite of every row and account, one transaction',
    );
    const count = Number(db.prepare('SELECT count(*) FROM transactions').pluck().get());
    if (count !== rows) throw new Error(`the upgrade left ${count} rows of ${rows}`);
  } finally {
    db.close();
  }
  return out;
}
