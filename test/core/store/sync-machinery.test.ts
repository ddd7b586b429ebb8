import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addNotice,
  cacheDelete,
  cacheGet,
  cacheHealth,
  cachePurgeExpired,
  cacheSet,
  clearRetry,
  dismissAllNotices,
  dismissNotice,
  dueRetries,
  enqueueRetry,
  finishSyncRun,
  getSyncRun,
  getWebhookEvent,
  interruptDeadOwnerRuns,
  lastSuccessfulSyncRun,
  listNotices,
  listRetries,
  listSyncRuns,
  listWebhookEvents,
  markWebhookEventProcessed,
  nextRetryDueAt,
  openDatabase,
  pruneWebhookEvents,
  recordWebhookEventIfNew,
  removeRetry,
  startSyncRun,
  type Db,
} from '../../../src/core/store';
import { ITEM_ID, seedConnection } from './seed';
import { tempDb, type TempDb } from './temp-db';

describe('sync machinery tables', () => {
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

  it('records sync runs from start to finish and marks crashed ones interrupted', () => {
    const a = startSyncRun(db, ITEM_ID, 'manual', '2025-03-01T10:00:00.000Z');
    expect(getSyncRun(db, a)).toMatchObject({ outcome: 'running', reason: 'manual', finishedAt: null });
    expect(finishSyncRun(db, a, { outcome: 'success', counts: { inserted: 3, pages: 1 } })).toBe(true);
    expect(finishSyncRun(db, a, { outcome: 'failed' })).toBe(false);
    expect(getSyncRun(db, a)!.counts).toEqual({
      accounts: 0,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      removed: 0,
      pages: 1,
    });
    const b = startSyncRun(db, ITEM_ID, 'webhook');
    // A run with no owner (from before leases) belongs to no live process: the next opener ends it.
    expect(interruptDeadOwnerRuns(db, Date.now(), '2025-03-01T11:00:00.000Z')).toEqual([ITEM_ID]);
    expect(getSyncRun(db, b)!.outcome).toBe('interrupted');
    expect(listSyncRuns(db, ITEM_ID).map((r) => r.id)).toEqual([b, a]);
    expect(lastSuccessfulSyncRun(db, ITEM_ID)!.id).toBe(a);
    expect(() => startSyncRun(db, ITEM_ID, 'whim' as 'manual')).toThrow();
  });

  it('keeps one retry per connection and kind, counting attempts, and hands out the due ones', () => {
    const first = enqueueRetry(db, {
      connectionId: ITEM_ID,
      dueAt: '2025-03-01T10:00:00.000Z',
      errorCode: 'SITE_NOT_AVAILABLE',
    });
    expect(first.attempts).toBe(1);
    const again = enqueueRetry(db, {
      connectionId: ITEM_ID,
      dueAt: '2025-03-01T10:05:00.000Z',
      payload: { n: 1 },
    });
    expect(again).toMatchObject({ id: first.id, attempts: 2, payload: { n: 1 } });
    expect(listRetries(db)).toHaveLength(1);
    expect(nextRetryDueAt(db)).toBe('2025-03-01T10:05:00.000Z');
    expect(dueRetries(db, '2025-03-01T10:04:59.999Z')).toEqual([]);
    expect(dueRetries(db, '2025-03-01T10:05:00.000Z').map((r) => r.id)).toEqual([first.id]);
    expect(removeRetry(db, first.id)).toBe(true);
    enqueueRetry(db, { connectionId: ITEM_ID, kind: 'sync', dueAt: '2025-03-01T11:00:00.000Z' });
    expect(clearRetry(db, ITEM_ID)).toBe(true);
    expect(nextRetryDueAt(db)).toBeNull();
  });

  it('adds notices once per active dedupe key, lists and dismisses them', () => {
    const a = addNotice(db, {
      level: 'error',
      kind: 'connection.login_error',
      messageKey: 'notices.login',
      connectionId: ITEM_ID,
      dedupeKey: 'login:item-1',
      params: { bank: 'X' },
    });
    expect(a.created).toBe(true);
    const dup = addNotice(db, {
      level: 'error',
      kind: 'connection.login_error',
      messageKey: 'notices.login',
      dedupeKey: 'login:item-1',
    });
    expect(dup).toEqual({ notice: a.notice, created: false });
    addNotice(db, { level: 'info', kind: 'sync.done', messageKey: 'notices.synced' });
    expect(listNotices(db).map((n) => n.kind)).toEqual(['sync.done', 'connection.login_error']);
    expect(dismissNotice(db, a.notice.id)).toBe(true);
    expect(dismissNotice(db, a.notice.id)).toBe(false);
    expect(
      addNotice(db, {
        level: 'error',
        kind: 'connection.login_error',
        messageKey: 'notices.login',
        dedupeKey: 'login:item-1',
      }).created,
    ).toBe(true);
    expect(dismissAllNotices(db)).toBe(2);
    expect(listNotices(db)).toEqual([]);
    expect(listNotices(db, { includeDismissed: true })).toHaveLength(3);
  });

  it('caches values until they expire and reports its health', () => {
    cacheSet(db, 'connectors', { list: [1, 2] }, 1000, 10_000);
    expect(cacheGet(db, 'connectors', 10_500)).toEqual({
      value: { list: [1, 2] },
      storedAt: 10_000,
      expiresAt: 11_000,
    });
    expect(cacheGet(db, 'connectors', 11_000)).toBeNull();
    cacheSet(db, 'other', 'x', 5000, 10_000);
    expect(cacheHealth(db, 12_000)).toMatchObject({ entries: 2, expired: 1 });
    expect(cachePurgeExpired(db, 12_000)).toBe(1);
    expect(cacheDelete(db, 'other')).toBe(true);
    expect(cacheHealth(db, 12_000)).toEqual({ entries: 0, expired: 0, bytes: 0 });
  });

  it('records each webhook eventId once and tracks its processing', () => {
    const ev = {
      eventId: 'ev-1',
      event: 'item/updated',
      itemId: ITEM_ID,
      payload: { event: 'item/updated', eventId: 'ev-1' },
    };
    expect(recordWebhookEventIfNew(db, ev, '2025-03-01T10:00:00.000Z')).toBe(true);
    expect(recordWebhookEventIfNew(db, ev)).toBe(false);
    expect(markWebhookEventProcessed(db, 'ev-1', 'synced')).toBe(true);
    expect(getWebhookEvent(db, 'ev-1')).toMatchObject({
      outcome: 'synced',
      payload: ev.payload,
      itemId: ITEM_ID,
    });
    expect(listWebhookEvents(db, { itemId: ITEM_ID })).toHaveLength(1);
    expect(pruneWebhookEvents(db, '2025-03-02T00:00:00.000Z')).toBe(1);
    expect(getWebhookEvent(db, 'ev-1')).toBeNull();
  });
});
