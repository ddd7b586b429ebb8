// `npm run bench [-- name …]`: runs the named scenarios (all by default), prints a table, writes JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchRow, BenchScenario } from './types';
import { scenario as router } from './scenarios/router';
import { scenario as relay } from './scenarios/relay';
import { scenario as renderer } from './scenarios/renderer';
import { scenario as sandbox } from './scenarios/sandbox';
import { scenario as pluggyClient } from './scenarios/pluggy-client';
import { scenario as store } from './scenarios/store';
import { scenario as startup } from './scenarios/startup';
import { scenario as sync } from './scenarios/sync';
import { scenario as centavos } from './scenarios/centavos';

const all: BenchScenario[] = [router, sandbox, pluggyClient, relay, store, centavos, startup, sync, renderer];

function machine(): Record<string, string | number> {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

function printTable(rows: BenchRow[]): void {
  const header = ['scenario', 'metric', 'value', 'unit', 'note'];
  const cells = rows.map((r) => [r.scenario, r.metric, formatValue(r.value), r.unit, r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) console.log(line(c));
}

function formatValue(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return v < 10 ? v.toFixed(3) : v.toFixed(1);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !all.some((s) => s.name === w));
  if (unknown.length > 0) {
    console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  const chosen = wanted.length === 0 ? all : all.filter((s) => wanted.includes(s.name));
  const rows: BenchRow[] = [];
  for (const s of chosen) {
    console.error(`bench: ${s.name} — ${s.description}`);
    rows.push(...(await s.run()));
  }
  printTable(rows);
  const out = fileURLToPath(new URL('../artifacts/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const report = { at: new Date().toISOString(), machine: machine(), rows };
  writeFileSync(`${out}bench-latest.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.error(`bench: wrote ${out}bench-latest.json`);
}

await main();
