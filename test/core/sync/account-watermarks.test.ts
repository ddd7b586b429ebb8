import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemSleepClock } from '../../../src/core/clock';
import { createEventBus } from '../../../src/core/events/event-bus';
import { silentLogger } from '../../../src/core/logging/logger';
import {
  getTransaction,
  openDatabase,
  toRowValues,
  upsertConnection,
  type Db,
} from '../../../src/core/store';
import type { SyncApi } from '../../../src/core/sync/sync-api';
import { createSyncEngine } from '../../../src/core/sync/sync-engine';
import type { Transaction } from '../../../src/shared/pluggy';
import { sampleAccount, sampleItem, sampleTransaction } from '../store/sample-data';
import { tempDb, type TempDb } from '../store/temp-db';

let t: TempDb;
let db: Db;
beforeEach(() => {
  t = tempDb();
  db = openDatabase({ file: t.file, key: t.key });
});
afterEach(() => {
  db.close();
  t.cleanup();
});

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

/** Pluggy in memory: two accounts, filters as /v2/transactions applies them, one page per read. */
function bank(itemId: string) {
  const ledgers = new Map<string, Transaction[]>([
    ['acc-b', []],
    ['acc-a', []],
  ]);
  let onRead: (accountId: string) => void = () => undefined;
  const api: SyncApi = {
    getItem: async () => sampleItem(itemId),
    updateItem: async () => sampleItem(itemId),
    listAccounts: async () => ({
      results: [...ledgers.keys()].map((id) => sampleAccount(id, itemId)),
      total: 2,
      page: 1,
      totalPages: 1,
      skipped: [],
      complete: true,
    }),
    async *transactionPages(accountId, query) {
      onRead(accountId);
      const rows = ledgers
        .get(accountId)!
        .filter((tx) => query.createdAtFrom === undefined || tx.createdAt! >= query.createdAtFrom)
        .filter((tx) => query.dateFrom === undefined || tx.date.slice(0, 10) >= query.dateFrom)
        .filter((tx) => query.dateTo === undefined || tx.date.slice(0, 10) <= query.dateTo);
      yield { rows: rows.map(toRowValues), next: null, skipped: [], unknown: [] } as never;
    },
  };
  return { api, ledgers, setOnRead: (f: typeof onRead) => (onRead = f) };
}

describe('the ingestion watermark', () => {
  it('is kept per account: a back-dated row ingested on one account while another is read is not skipped', async () => {
    const itemId = 'item-wm';
    upsertConnection(db, sampleItem(itemId));
    const { api, ledgers, setOnRead } = bank(itemId);
    const now = Date.now();
    ledgers
      .get('acc-b')!
      .push(sampleTransaction(1, 'acc-b', { date: at(now - 3 * DAY), createdAt: at(now - 3 * DAY) }));
    ledgers
      .get('acc-a')!
      .push(sampleTransaction(2, 'acc-a', { date: at(now - 2 * DAY), createdAt: at(now - 2 * DAY) }));
    // While account A is read (B is done), Pluggy ingests a row on B dated two months back, then one on A.
    let ingested = false;
    setOnRead((accountId) => {
      if (accountId !== 'acc-a' || ingested) return;
      ingested = true;
      ledgers
        .get('acc-b')!
        .push(sampleTransaction(3, 'acc-b', { date: at(now - 60 * DAY), createdAt: at(now - 1000) }));
      ledgers
        .get('acc-a')!
        .push(sampleTransaction(4, 'acc-a', { date: at(now - DAY), createdAt: at(now - 500) }));
    });
    const engine = createSyncEngine({
      db,
      api,
      clock: systemSleepClock,
      events: createEventBus(),
      logger: silentLogger(),
      accountConcurrency: 1,
    });
    const first = await engine.sync(itemId, 'connect').done;
    expect(first.outcome === 'failed' ? first.failure : first.outcome).toBe('success');
    expect(getTransaction(db, sampleTransaction(4, 'acc-a').id)).not.toBeNull();
    expect((await engine.sync(itemId, 'webhook').done).outcome).toBe('success');
    expect(getTransaction(db, sampleTransaction(3, 'acc-b').id)).not.toBeNull();
    await engine.drain();
  });
});
