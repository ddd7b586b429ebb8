import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemSleepClock } from '../../../src/core/clock';
import { createEventBus } from '../../../src/core/events/event-bus';
import { silentLogger } from '../../../src/core/logging/logger';
import { deleteConnection, enqueueRetry, listRetries, openDatabase, type Db } from '../../../src/core/store';
import { createScheduler } from '../../../src/core/sync/scheduler';
import type { SyncApi } from '../../../src/core/sync/sync-api';
import { createSyncEngine, type SyncEngine } from '../../../src/core/sync/sync-engine';
import { sampleItem } from '../store/sample-data';
import { ITEM_ID, seedConnection } from '../store/seed';
import { tempDb, type TempDb } from '../store/temp-db';

let t: TempDb;
let db: Db;
beforeEach(() => {
  t = tempDb();
  db = openDatabase({ file: t.file, key: t.key });
  seedConnection(db);
});
afterEach(() => {
  db.close();
  t.cleanup();
});

const past = () => new Date(Date.now() - 60_000).toISOString();

describe('a connection kept as an archive', () => {
  it('loses its pending retries when it is archived', () => {
    enqueueRetry(db, { connectionId: ITEM_ID, dueAt: past(), errorCode: 'SITE_NOT_AVAILABLE' });
    deleteConnection(db, ITEM_ID, 'archive');
    expect(listRetries(db, ITEM_ID)).toEqual([]);
  });

  it('is never retried by the scheduler, even with a retry left over', async () => {
    enqueueRetry(db, { connectionId: ITEM_ID, dueAt: past(), errorCode: 'SITE_NOT_AVAILABLE' });
    // Archived by a version that kept its retries.
    db.prepare('UPDATE connections SET archived_at = ? WHERE id = ?').run(past(), ITEM_ID);
    const synced: string[] = [];
    const engine = {
      isSyncing: () => false,
      sync: (itemId: string) => {
        synced.push(itemId);
        return { runId: 1, started: true, done: new Promise(() => undefined) };
      },
    } as unknown as SyncEngine;
    const scheduler = createScheduler({
      db,
      api: { getItem: async () => sampleItem(ITEM_ID) },
      engine,
      clock: systemSleepClock,
      logger: silentLogger(),
      pollIntervalMs: () => 3_600_000,
    });
    await scheduler.tick();
    expect(synced).toEqual([]);
    expect(listRetries(db, ITEM_ID)).toEqual([]);
  });

  it('is refused by the engine', () => {
    deleteConnection(db, ITEM_ID, 'archive');
    const api = {} as SyncApi;
    const engine = createSyncEngine({
      db,
      api,
      clock: systemSleepClock,
      events: createEventBus(),
      logger: silentLogger(),
    });
    expect(() => engine.sync(ITEM_ID, 'retry')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => engine.hint(ITEM_ID, 'webhook')).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});
