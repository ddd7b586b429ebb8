// Router scenario: the cost of one contract call in-process vs over the browser host's HTTP transport.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../src/core';
import { startHost } from '../../../src/host/server';
import { percentile, timeEach } from '../stats';
import type { BenchRow, BenchScenario } from '../types';

const CALLS = 2_000;

export const scenario: BenchScenario = {
  name: 'router',
  description: `${CALLS} app.info calls in-process and over POST /rpc (keep-alive)`,
  async run(): Promise<BenchRow[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'cofre-bench-'));
    const core = await createCore({ dataDir, mode: 'demo', host: 'test', version: 'bench', pluggy: null });
    const host = await startHost({ core });
    try {
      const direct = await timeEach(CALLS, () => core.handle('app.info', {}));
      const headers = { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' };
      const http = await timeEach(CALLS, async () => {
        const res = await fetch(`${host.url}/rpc/app.info`, { method: 'POST', headers, body: '{}' });
        await res.json();
      });
      const row = (metric: string, value: number, note?: string): BenchRow => ({
        scenario: 'router',
        metric,
        value,
        unit: 'ms',
        ...(note ? { note } : {}),
      });
      return [
        row('in-process call p50', percentile(direct, 50)),
        row('in-process call p99', percentile(direct, 99)),
        row('HTTP /rpc call p50', percentile(http, 50)),
        row(
          'HTTP /rpc call p99',
          percentile(http, 99),
          `×${(percentile(http, 50) / percentile(direct, 50)).toFixed(0)} in-process p50`,
        ),
      ];
    } finally {
      await host.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
