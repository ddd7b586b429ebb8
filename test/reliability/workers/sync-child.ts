// Child process of the crash test: one real sync of an item into the encrypted DB, printing every progress
// step so the parent can SIGKILL it at a chosen point. The key and credentials come through the environment.
// Usage: node --import tsx sync-child.ts <sandbox url> <db file> <item id> <reason>
import { createEventBus } from '../../../src/core/events/event-bus';
import { silentLogger } from '../../../src/core/logging/logger';
import { createPluggyClient } from '../../../src/core/pluggy';
import { getConnection, openDatabase, upsertConnection } from '../../../src/core/store';
import { OTHER_PROCESS_STATUS } from '../../../src/core/sync/run-leases';
import { createSyncEngine } from '../../../src/core/sync/sync-engine';
import { SyncReason } from '../../../src/shared/contract';

const [url, file, itemId, reasonArg] = process.argv.slice(2);
const key = process.env['CRASH_DB_KEY'];
const clientId = process.env['CRASH_CLIENT_ID'];
const clientSecret = process.env['CRASH_CLIENT_SECRET'];
if (!url || !file || !itemId || !key || !clientId || !clientSecret) {
  throw new Error('usage: sync-child <url> <db file> <item id> <reason> (key and credentials in the env)');
}
const reason = SyncReason.parse(reasonArg);
const db = openDatabase({ file, key });
// Real time, but no long waits: the parent kills at chosen points, not after a backoff.
const clock = {
  now: Date.now,
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 50))),
};
const client = createPluggyClient({ baseUrl: url, clientId, clientSecret, clock, logger: silentLogger() });
if (!getConnection(db, itemId)) upsertConnection(db, await client.getItem(itemId));
const events = createEventBus();
// `turn`: waiting for another process's run of the item (two-processes.test.ts), not for the bank.
events.on('sync.progress', (p) =>
  process.stdout.write(
    `progress ${p.phase} ${p.pages}${p.itemStatus === OTHER_PROCESS_STATUS ? ' turn' : ''}\n`,
  ),
);
const engine = createSyncEngine({
  db,
  api: client,
  clock: { now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))) },
  events,
  logger: silentLogger(),
});
const handle = engine.sync(itemId, reason);
process.stdout.write(`run ${handle.runId}\n`);
const result = await handle.done;
db.close();
process.stdout.write(`done ${result.outcome}\n`);
process.exit(result.outcome === 'success' ? 0 : 2);
