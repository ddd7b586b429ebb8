import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src/core/events/event-bus';
import { raiseHealthNotices } from '../../../src/core/notices/health-notices';
import {
  listNotices,
  openDatabase,
  recordSyncSuccess,
  upsertConnection,
  type Db,
} from '../../../src/core/store';
import { sampleItem } from '../store/sample-data';
import { tempDb, type TempDb } from '../store/temp-db';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T12:00:00.000Z');

describe('health notices', () => {
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

  it('warns a week before an Open Finance consent expires, once, and tells the UI', () => {
    upsertConnection(db, {
      ...sampleItem('item-c'),
      consentExpiresAt: new Date(NOW + 3 * DAY).toISOString(),
    });
    const events = createEventBus();
    const seen: string[] = [];
    events.on('notices.new', (n) => seen.push(n.messageKey));
    raiseHealthNotices(db, events, NOW);
    raiseHealthNotices(db, events, NOW + 1000);
    const notices = listNotices(db);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'consent_expiring', messageKey: 'notices.consent_expiring' });
    expect(seen).toEqual(['notices.consent_expiring']);
  });

  it('calls a healthy-looking link stale after 3 days without new data', () => {
    upsertConnection(db, { ...sampleItem('item-s'), status: 'UPDATED', executionStatus: 'SUCCESS' });
    recordSyncSuccess(db, 'item-s', {
      at: new Date(NOW - 4 * DAY).toISOString(),
      watermark: null,
      newData: true,
    });
    raiseHealthNotices(db, createEventBus(), NOW);
    expect(listNotices(db).map((n) => n.kind)).toEqual(['stale']);
  });

  it('says nothing about a fresh link', () => {
    upsertConnection(db, { ...sampleItem('item-f'), status: 'UPDATED', executionStatus: 'SUCCESS' });
    recordSyncSuccess(db, 'item-f', {
      at: new Date(NOW - DAY).toISOString(),
      watermark: null,
      newData: true,
    });
    raiseHealthNotices(db, createEventBus(), NOW);
    expect(listNotices(db)).toHaveLength(0);
  });
});
