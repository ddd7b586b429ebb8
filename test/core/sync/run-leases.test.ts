// Two engines on two connections to one DB file (two processes on one data dir) syncing one item take turns.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemSleepClock } from '../../../src/core/clock';
import { createEventBus } from '../../../src/core/events/event-bus';
import { silentLogger } from '../../../src/core/logging/logger';
import { createPluggyClient, type PluggyClient } from '../../../src/core/pluggy';
import { getSyncRun, openDatabase, upsertConnection, type Db } from '../../../src/core/store';
import { OTHER_PROCESS_STATUS } from '../../../src/core/sync/run-leases';
import { createSyncEngine, type SyncEngine } from '../../../src/core/sync/sync-engine';
import type { SyncProgress } from '../../../src/shared/contract';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { tempDir } from '../../helpers/temp-dir';
import { compareWithTruth, fetchTruth } from '../../reliability/convergence';

const FAST = { pollMs: 25, heartbeatMs: 200, ttlMs: 5_000 };

let sandbox: RunningSandbox;
let client: PluggyClient;
const dir = tempDir('cofre-leases-');
const key = randomBytes(32);
const dbs: Db[] = [];
const engines: SyncEngine[] = [];
/** Every progress event of every engine, in the order they happened. */
const log: { engine: string; p: SyncProgress }[] = [];

function openProcess(name: string, waitMs?: number): { db: Db; engine: SyncEngine } {
  const db = openDatabase({ file: join(dir, 'cofre.db'), key });
  const events = createEventBus();
  events.on('sync.progress', (p) => log.push({ engine: name, p }));
  const engine = createSyncEngine({
    db,
    api: client,
    clock: systemSleepClock,
    events,
    logger: silentLogger(),
    leaseTiming: { ...FAST, ...(waitMs === undefined ? {} : { waitMs }) },
  });
  dbs.push(db);
  engines.push(engine);
  return { db, engine };
}

beforeAll(async () => {
  sandbox = await startSandbox({
    admin: true,
    executionMs: 150,
    seed: 'run-leases',
    transactionsPerAccount: 300,
  });
  client = createPluggyClient({
    baseUrl: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    logger: silentLogger(),
  });
});
afterAll(async () => {
  for (const engine of engines) await engine.drain();
  for (const db of dbs) db.close();
  await sandbox.close();
});

async function connectItem(db: Db, user: string): Promise<string> {
  const item = await client.createItem({ connectorId: 0, parameters: { user, password: 'password-ok' } });
  upsertConnection(db, item);
  return item.id;
}

describe('two processes syncing one item', () => {
  it('never run it at once: the second waits (shown as such), then both finish and nothing is doubled', async () => {
    const a = openProcess('a');
    const b = openProcess('b');
    const watcher = openProcess('watcher');
    const itemId = await connectItem(a.db, 'user-ok');
    log.length = 0;
    const first = a.engine.sync(itemId, 'manual');
    await expect.poll(() => log.some((e) => e.engine === 'a' && e.p.phase !== 'waiting')).toBe(true);
    const second = b.engine.sync(itemId, 'manual');
    // A process that is not syncing sees the item in progress (how `cofre status` shows the app's run).
    expect(watcher.engine.isSyncing(itemId)).toBe(true);
    const [endA, endB] = await Promise.all([first.done, second.done]);
    expect(endA.outcome).toBe('success');
    expect(endB.outcome).toBe('success');
    expect(watcher.engine.isSyncing(itemId)).toBe(false);

    const ofB = log.filter((e) => e.engine === 'b');
    expect(ofB[0]!.p).toMatchObject({ phase: 'waiting', itemStatus: OTHER_PROCESS_STATUS });
    // b's first step of work comes after a's last event: the runs never overlapped.
    const aDone = log.findIndex((e) => e.engine === 'a' && e.p.phase === 'done');
    const bWorks = log.findIndex((e) => e.engine === 'b' && e.p.phase !== 'waiting');
    expect(aDone).toBeGreaterThanOrEqual(0);
    expect(bWorks).toBeGreaterThan(aDone);
    expect(getSyncRun(b.db, first.runId)!.outcome).toBe('success');
    expect(getSyncRun(a.db, second.runId)!.outcome).toBe('success');

    const convergence = compareWithTruth(b.db, itemId, await fetchTruth(sandbox.url, itemId));
    expect(convergence).toMatchObject({ missing: 0, extra: 0, liveMarkedRemoved: 0, accountsMissing: 0 });
    const doubled = b.db
      .prepare('SELECT COUNT(*) - COUNT(DISTINCT id) FROM transactions')
      .pluck()
      .get() as number;
    expect(doubled).toBe(0);
  }, 60_000);

  it('ends a wait that lasts too long with a clear error instead of hanging', async () => {
    const a = openProcess('a2');
    const b = openProcess('b2', 100);
    const itemId = await connectItem(a.db, 'user-ok');
    const first = a.engine.sync(itemId, 'manual');
    await expect.poll(() => log.some((e) => e.engine === 'a2' && e.p.phase !== 'waiting')).toBe(true);
    const second = await b.engine.sync(itemId, 'manual').done;
    expect(second.outcome).toBe('failed');
    expect(second.outcome === 'failed' && second.failure.message).toMatch(/Another Cofre process/);
    expect((await first.done).outcome).toBe('success');
  }, 60_000);

  it('quitting does not wait for a run that is still waiting for its turn', async () => {
    const a = openProcess('a3');
    const b = openProcess('b3');
    const itemId = await connectItem(a.db, 'user-ok');
    const first = a.engine.sync(itemId, 'manual');
    await expect.poll(() => log.some((e) => e.engine === 'a3' && e.p.phase !== 'waiting')).toBe(true);
    const waiting = b.engine.sync(itemId, 'manual');
    await expect.poll(() => log.some((e) => e.engine === 'b3')).toBe(true);
    await b.engine.drain();
    expect((await waiting.done).outcome).toBe('cancelled');
    expect(a.engine.isSyncing(itemId)).toBe(true);
    expect((await first.done).outcome).toBe('success');
  }, 60_000);

  it('stops a run whose process another one took for dead (heartbeat lapsed); the other run finishes', async () => {
    const a = openProcess('a4');
    const b = openProcess('b4');
    const itemId = await connectItem(a.db, 'user-ok');
    const first = a.engine.sync(itemId, 'manual');
    await expect.poll(() => log.some((e) => e.engine === 'a4')).toBe(true);
    // As if a's machine slept past its TTL: to b, a's heartbeat has lapsed (b's sweep runs in this same tick).
    b.db.prepare('UPDATE sync_owners SET expires_at = 0').run();
    const second = b.engine.sync(itemId, 'manual');
    expect(getSyncRun(b.db, first.runId)!.outcome).toBe('interrupted');
    // a learns it at its next heartbeat and stops instead of writing beside b.
    expect((await first.done).outcome).toBe('cancelled');
    expect((await second.done).outcome).toBe('success');
    expect(getSyncRun(a.db, first.runId)!.outcome).toBe('interrupted');
    const convergence = compareWithTruth(b.db, itemId, await fetchTruth(sandbox.url, itemId));
    expect(convergence).toMatchObject({ missing: 0, extra: 0, liveMarkedRemoved: 0 });
  }, 60_000);
});
