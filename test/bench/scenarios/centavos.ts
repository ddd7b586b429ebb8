// Centavos scenario: migration 80 on an encrypted 100k-row database, timed, and checked exact to the centavo.
import { randomBytes } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, openDatabase, upsertAccounts } from '../../../src/core/store';
import { toCentavos } from '../../../src/shared/money';
import type { Transaction } from '../../../src/shared/pluggy';
import { insertAsVersion70, setAccountAsVersion70 } from '../../core/store/migrations/version-70-rows';
import { sampleAccount, sampleTransaction } from '../../core/store/sample-data';
import { ITEM_ID, seedConnection } from '../../core/store/seed';
import type { BenchRow, BenchScenario } from '../types';

const ROWS = Number(process.env['COFRE_BENCH_CENTAVOS_ROWS'] ?? 100_000);
const ACCOUNTS = Array.from({ length: 10 }, (_, i) => `acc-${i}`);

/** The n-th row: every cent value and sign, a foreign purchase in 20, a bank balance in 10. */
function row(n: number): Transaction {
  const accountId = ACCOUNTS[n % ACCOUNTS.length]!;
  const cents = ((n * 7_919) % 9_999_999) + 1;
  const amount = (n % 3 === 0 ? cents : -cents) / 100;
  const day = new Date(Date.UTC(2025, 2, 1) - Math.floor(n / 300) * 86_400_000).toISOString().slice(0, 10);
  return sampleTransaction(n, accountId, {
    date: `${day}T03:00:00.000Z`,
    amount,
    ...(n % 20 === 0 ? { currencyCode: 'USD', amountInAccountCurrency: Math.round(amount * 540) / 100 } : {}),
    ...(n % 10 === 1 ? { balance: (n * 13) / 100 } : {}),
  });
}

const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

export const scenario: BenchScenario = {
  name: 'centavos',
  description: `migration 80 (money to integer centavos) on an encrypted ${ROWS.toLocaleString('en-US')}-row DB`,
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'cofre-bench-centavos-'));
    try {
      const db = openDatabase({ file: join(dir, 'cofre.db'), key: randomBytes(32), migrateTo: 70 });
      seedConnection(db, ITEM_ID, []);
      const accounts = ACCOUNTS.map((id, i) => sampleAccount(id, ITEM_ID, { balance: 1234.56 * (i + 1) }));
      upsertAccounts(db, ITEM_ID, accounts);
      for (const a of accounts) setAccountAsVersion70(db, a);
      let exact = 0;
      for (let from = 0; from < ROWS; from += 5_000) {
        const page = Array.from({ length: Math.min(5_000, ROWS - from) }, (_, i) => row(from + i));
        insertAsVersion70(db, page);
        for (const t of page) exact += toCentavos(t.amount);
      }
      const floatSum = Number(db.prepare('SELECT sum(amount) FROM transactions').pluck().get());
      const loadBefore = load();
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      migrate(db, 80);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = process.cpuUsage(cpuBefore);
      // CPU time is what an idle machine's wall time would be, near enough, on a machine this shared.
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const [sum, kind] = db
        .prepare('SELECT sum(amount), typeof(sum(amount)) FROM transactions')
        .raw(true)
        .get() as [number, string];
      const count = Number(db.prepare('SELECT count(*) FROM transactions').pluck().get());
      db.close();
      // A benchmark measures; this is no timing assertion but the exactness the figure is worth nothing without.
      if (sum !== exact || kind !== 'integer' || count !== ROWS) {
        throw new Error(`migration 80 is not exact: sum ${sum} (${kind}) vs ${exact}, ${count} rows`);
      }
      const bench = (metric: string, value: number, unit: string, note?: string): BenchRow => ({
        scenario: 'centavos',
        metric,
        value,
        unit,
        ...(note ? { note } : {}),
      });
      return [
        bench(
          `migration 80, ${ROWS.toLocaleString('en-US')} rows`,
          seconds,
          's',
          `${loadBefore} before, ${load()} after; CPU ${cpuSeconds.toFixed(1)} s`,
        ),
        bench('migration 80 rows/s', Math.round(ROWS / seconds), 'rows/s'),
        bench(
          'sum of amounts after, centavos',
          sum,
          'centavos',
          `= the exact sum of the stored decimals (${(floatSum * 100).toFixed(2)} as REAL before): unchanged`,
        ),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
