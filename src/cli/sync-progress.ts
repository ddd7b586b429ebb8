// Follows sync runs through `sync.progress` events: one live line per run on a terminal, and the outcome.
import { OTHER_PROCESS_STATUS } from '../core/sync/run-leases';
import type { SyncProgress } from '../shared/contract';
import type { CliCore } from './cli-core';

export interface RunEnd {
  runId: number;
  itemId: string;
  ok: boolean;
}

/** Subscribes before the runs start (so no event is missed); `wait(runIds)` resolves when all ended. */
export function followRuns(cli: CliCore, out: NodeJS.WriteStream = process.stderr) {
  const ended = new Map<number, RunEnd>();
  const waiters = new Set<() => void>();
  const live = out.isTTY === true;
  const told = new Set<number>();
  const unsubscribe = cli.started.core.events.on('sync.progress', (p: SyncProgress) => {
    if (live) out.write(`\r\x1b[2K${describe(p)}`);
    else if (p.itemStatus === OTHER_PROCESS_STATUS && !told.has(p.runId)) {
      // Cron's log says why this run took long: it waited for the app (or another `cofre sync`).
      told.add(p.runId);
      out.write(`${describe(p)}\n`);
    }
    if (p.phase === 'done' || p.phase === 'failed') {
      if (live) out.write('\n');
      else out.write(`${describe(p)}\n`);
      ended.set(p.runId, { runId: p.runId, itemId: p.itemId, ok: p.phase === 'done' });
      for (const w of waiters) w();
    }
  });
  return {
    wait(runIds: number[]): Promise<RunEnd[]> {
      return new Promise((resolve) => {
        const check = () => {
          if (runIds.every((id) => ended.has(id))) {
            waiters.delete(check);
            unsubscribe();
            resolve(runIds.map((id) => ended.get(id)!));
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}

function describe(p: SyncProgress): string {
  const width = 20;
  const share = p.accountsTotal > 0 ? p.accountsDone / p.accountsTotal : 0;
  const filled = p.phase === 'done' ? width : Math.round(share * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const where = p.accountName ? ` ${p.accountName}` : '';
  const status = p.phase === 'waiting' && p.itemStatus ? ` (${p.itemStatus})` : '';
  return `${p.itemId.slice(0, 8)} ${bar} ${p.phase}${status}${where} — ${p.accountsDone}/${p.accountsTotal} accounts, ${p.rows} rows`;
}
